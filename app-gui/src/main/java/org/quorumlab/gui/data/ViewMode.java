package org.quorumlab.gui.data;

/** How node data is shown. */
public enum ViewMode { TEXT, JSON, XML, HEX, BASE64 }
