/** ACL schemes and enforcement (world, auth, digest, ip, super). Imports only java.* and proto. */
package org.quorumlab.engine.auth;
