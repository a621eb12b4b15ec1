/** Expected failures are values, not throws: `{ ok: false, code, message }` with a stable code. */
export type Ok<T> = { ok: true; value: T };
export type Err<C extends string> = { ok: false; code: C; message: string };
export type Result<T, C extends string> = Ok<T> | Err<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends string>(code: C, message: string): Err<C> => ({ ok: false, code, message });
