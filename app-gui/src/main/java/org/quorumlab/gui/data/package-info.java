/**
 * Node detail: data viewers (text, JSON, XML, hex, base64), editing with version check, Stat, ACL editor, quotas.
 */
package org.quorumlab.gui.data;
