package org.quorumlab.gui.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Renders node data as text, pretty JSON/XML, hex dump or base64. Pure functions. */
public final class DataFormats {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataFormats() {
    }

    /** Renders {@code data} in {@code mode}; falls back to text with a note when it does not parse. */
    public static String render(byte[] data, ViewMode mode, Charset charset) {
        byte[] d = data == null ? new byte[0] : data;
        return switch (mode) {
            case TEXT -> new String(d, charset);
            case JSON -> prettyJson(new String(d, charset));
            case XML -> prettyXml(new String(d, charset));
            case HEX -> hexDump(d);
            case BASE64 -> Base64.getMimeEncoder().encodeToString(d);
        };
    }

    /** Indented JSON, or the input unchanged when it is not JSON. */
    public static String prettyJson(String text) {
        try {
            return JSON.writeValueAsString(JSON.readTree(text));
        } catch (Exception e) {
            return text;
        }
    }

    /** Indented XML, or the input unchanged when it is not XML. */
    public static String prettyXml(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
            stripWhitespace(doc.getDocumentElement());
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, text.trim().startsWith("<?xml") ? "no" : "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString().trim();
        } catch (Exception e) {
            return text;
        }
    }

    private static void stripWhitespace(org.w3c.dom.Node node) {
        org.w3c.dom.NodeList children = node.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            org.w3c.dom.Node c = children.item(i);
            if (c.getNodeType() == org.w3c.dom.Node.TEXT_NODE && c.getTextContent().isBlank()) {
                node.removeChild(c);
            } else {
                stripWhitespace(c);
            }
        }
    }

    /** Classic 16-bytes-per-line hex dump with offsets and an ASCII column. */
    public static String hexDump(byte[] d) {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < d.length; off += 16) {
            sb.append(String.format("%08x  ", off));
            for (int i = 0; i < 16; i++) {
                sb.append(off + i < d.length ? String.format("%02x ", d[off + i] & 0xff) : "   ");
                if (i == 7) {
                    sb.append(' ');
                }
            }
            sb.append(" |");
            for (int i = off; i < Math.min(off + 16, d.length); i++) {
                int c = d[i] & 0xff;
                sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
            }
            sb.append("|\n");
        }
        return sb.toString();
    }

    /** Best guess of a readable mode for {@code data}. */
    public static ViewMode guess(byte[] data, Charset charset) {
        if (data == null || data.length == 0) {
            return ViewMode.TEXT;
        }
        String s = new String(data, charset).trim();
        if ((s.startsWith("{") || s.startsWith("[")) && !prettyJson(s).equals(s)) {
            return ViewMode.JSON;
        }
        if (s.startsWith("<") && !prettyXml(s).equals(s)) {
            return ViewMode.XML;
        }
        for (byte b : data) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return ViewMode.HEX;
            }
        }
        return ViewMode.TEXT;
    }
}
