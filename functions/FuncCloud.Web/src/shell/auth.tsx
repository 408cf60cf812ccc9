import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** A keystone token kept in this tab only (no server session): sent as X-Auth-Token on every call. */
export interface Session {
  token: string;
  user: string;
  project: string;
  expiresAt: string;
  roles: string[];
}

interface AuthState {
  session: Session | null;
  login: (user: string, password: string, project: string, domain: string) => Promise<void>;
  logout: () => void;
}

const KEY = 'funccloud.session';
const AuthContext = createContext<AuthState | null>(null);

function load(): Session | null {
  const text = sessionStorage.getItem(KEY);
  if (!text) return null;
  const session = JSON.parse(text) as Session;
  return new Date(session.expiresAt) > new Date() ? session : null;
}

/** Password authentication against keystone, scoped to a project. */
async function issueToken(user: string, password: string, project: string, domain: string): Promise<Session> {
  const response = await fetch('/identity/v3/auth/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { name: domain }, password } } },
        scope: { project: { name: project, domain: { name: domain } } },
      },
    }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body?.error?.message ?? `Login failed (${response.status})`);
  }
  return {
    token: response.headers.get('X-Subject-Token') ?? '',
    user,
    project,
    expiresAt: body.token.expires_at,
    roles: (body.token.roles ?? []).map((r: { name: string }) => r.name),
  };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(load);
  const login = useCallback(async (user: string, password: string, project: string, domain: string) => {
    const issued = await issueToken(user, password, project, domain);
    sessionStorage.setItem(KEY, JSON.stringify(issued));
    setSession(issued);
  }, []);
  const logout = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, login, logout }), [session, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
