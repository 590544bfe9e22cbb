# Neuvos as a container image. See docs/deployment.md for the configuration and a Compose example.
# Not built in this repository's CI (no access to Docker Hub there); it follows the README's commands.

FROM node:20-slim AS build
WORKDIR /app
ENV NODE_ENV=development
COPY package.json package-lock.json ./
# The README's install command (npm ci refuses this lock on registries without rollup's
# per-platform packages); dev dependencies are needed for the build and pruned below.
RUN npm install --no-audit --no-fund
COPY . .
RUN NODE_ENV=production npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
# The start script, migrations and server run from source through tsx (a runtime dependency).
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/remix.config.js ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY --from=build /app/app ./app
COPY --from=build /app/db ./db
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/scripts ./scripts
# Only ./data is writable, and only used by the single-process shape (embedded database, local files).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Run with an init process (docker run --init, Compose `init: true`) so SIGTERM reaches npm and the app.
CMD ["npm", "run", "start", "--", "--no-build"]
