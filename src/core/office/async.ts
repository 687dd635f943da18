/**
 * The one place where Office.js callbacks become promises. Every wrapper in this folder goes through
 * `officeCall`: the callback never throws, a failed AsyncResult rejects with an OfficeApiError that keeps
 * Office's code and name, and an exception thrown synchronously by Office.js (bad arguments) rejects too.
 */
import { OfficeApiError } from "./errors";

type Callback<T> = (result: Office.AsyncResult<T>) => void;

export function officeCall<T>(operation: string, invoke: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          resolve(result.value);
        } else {
          reject(toOfficeApiError(operation, result.error));
        }
      });
    } catch (error) {
      reject(toOfficeApiError(operation, error));
    }
  });
}

export function toOfficeApiError(operation: string, error: unknown): OfficeApiError {
  if (error instanceof OfficeApiError) return error;
  const e = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof e.code === "number" ? e.code : typeof e.code === "string" ? Number(e.code) : undefined;
  const name = typeof e.name === "string" ? e.name : undefined;
  const message = typeof e.message === "string" && e.message !== "" ? e.message : `${operation} failed.`;
  return new OfficeApiError(operation, Number.isFinite(code) ? code : undefined, name, message);
}
