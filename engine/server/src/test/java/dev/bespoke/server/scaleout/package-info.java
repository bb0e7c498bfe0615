/**
 * Scale-out tests: several nodes of the packaged application (separate JVMs started from {@code
 * target/quarkus-app}) sharing one database and a real Redis Cluster started by the test, as a
 * deployment behind a load balancer runs them. Run by Failsafe in {@code verify}.
 */
package dev.bespoke.server.scaleout;
