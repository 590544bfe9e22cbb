import { createContext, useContext } from 'react';

/** The per-request CSP nonce, so inline scripts Remix renders are allowed and nothing else. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
