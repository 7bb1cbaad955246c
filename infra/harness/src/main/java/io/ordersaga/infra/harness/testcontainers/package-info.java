/**
 * The harness's servers as Testcontainers containers, for machines with a Docker daemon:
 * {@code -Dharness.provider=testcontainers} (or {@code HARNESS_PROVIDER=testcontainers}) makes
 * {@link io.ordersaga.infra.harness.spring.HarnessContextInitializer} start containers instead of the
 * embedded servers and set the same Spring properties. Compiled and unit-tested in the build, never
 * run there (no Docker daemon on the build machines); see docs/testing.md.
 */
package io.ordersaga.infra.harness.testcontainers;
