/**
 * Deployment settings read from the environment. Secure-cookie, HSTS and __Host- behaviour
 * follow APP_ORIGIN: an https origin means a real deployment; the default is local http.
 */
export function appOrigin(): string | null {
  const value = process.env.APP_ORIGIN?.trim();
  return value ? value.replace(/\/$/, '') : null;
}

export function isSecureDeployment(): boolean {
  return appOrigin()?.startsWith('https://') ?? false;
}

function days(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export const sessionSettings = {
  get idleDays() {
    return days('SESSION_IDLE_DAYS', 30);
  },
  get absoluteDays() {
    return days('SESSION_ABSOLUTE_DAYS', 90);
  },
};
