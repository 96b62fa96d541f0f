/**
 * The narrow interfaces the HTTP routes call, with typed, already validated commands and typed outcomes.
 * The composition root implements them over the application's use cases; the adapter's tests use a fake.
 * Implementations are called concurrently from server threads and must be thread-safe.
 */
package bitalloc.adapters.http.api;
