// A promise that settles by a deadline: for asking a page's frames something, where a frame that
// is still loading or busy must not hold up everything that waits for its answer.

/** `promise`'s value, or `fallback` if it has not settled within `ms` (or if it fails). */
export function withDeadline<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}
