/** The quorumlab command line. */
package org.quorumlab.launcher.cli;
