/**
 * zkCli-style console: a plain-Java command interpreter plus its ViewModel (history, completion) and view.
 */
package org.quorumlab.gui.console;
