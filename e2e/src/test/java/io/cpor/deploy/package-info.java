/**
 * Checks of what deploys the system: the compose file, the services' Dockerfiles, and the README's configuration
 * reference, each against the configuration metadata of the jars the build packaged.
 */
package io.cpor.deploy;
