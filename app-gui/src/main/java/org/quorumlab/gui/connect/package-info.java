/**
 * Connection definitions (connection string, chroot, digest auth, session timeout), their JSON store and the connection dialog.
 */
package org.quorumlab.gui.connect;
