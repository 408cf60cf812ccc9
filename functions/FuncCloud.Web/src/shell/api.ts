import { useCallback } from 'react';
import { useAuth } from './auth';

/** An API error with the service's own message (keystone's {"error": {...}} or nova's {"itemNotFound": {...}}). */
export class ApiError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

function messageOf(body: unknown, status: number): string {
  if (body && typeof body === 'object') {
    for (const value of Object.values(body as Record<string, unknown>)) {
      if (value && typeof value === 'object' && 'message' in value) return String((value as { message: unknown }).message);
    }
  }
  return `Request failed (${status})`;
}

/** fetch with the session's token; a 401 ends the session (back to the login page). */
export function useApi() {
  const { session, logout } = useAuth();
  return useCallback(
    async <T,>(path: string, init?: { method?: string; body?: unknown }): Promise<T> => {
      const response = await fetch(path, {
        method: init?.method ?? 'GET',
        headers: {
          'X-Auth-Token': session?.token ?? '',
          ...(init?.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
      });
      const text = await response.text();
      const body = text ? JSON.parse(text) : null;
      if (!response.ok) {
        if (response.status === 401) logout();
        throw new ApiError(response.status, messageOf(body, response.status));
      }
      return body as T;
    },
    [session, logout],
  );
}
