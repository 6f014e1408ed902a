package dev.yuqing.connectors.rss;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jsoup.Jsoup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 with the JDK's parser, locked down: a document with a
 * DOCTYPE is refused, so no DTD is read and no entity, external or internal (XXE, "billion
 * laughs"), is expanded; secure processing limits the rest. HTML in descriptions and content is
 * reduced to its text with jsoup.
 */
final class FeedParser {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String RSS1 = "http://purl.org/rss/1.0/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    /** RSS 2.0 elements have no namespace; RSS 1.0 elements have RSS1's. */
    private static final Set<String> RSS_NAMESPACES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(null, RSS1)));

    private final DocumentBuilder builder;
    private final Transformer serializer;

    FeedParser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            builder = f.newDocumentBuilder();
            // Every problem ends the parse as an exception; the default handler would also print it to stderr.
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            TransformerFactory t = TransformerFactory.newInstance();
            t.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            t.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            t.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            serializer = t.newTransformer();
            serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        } catch (ParserConfigurationException | javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    /** The entries in document order. */
    List<FeedEntry> parse(String xml) throws FeedException {
        Document doc;
        try {
            doc = builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new FeedException("the document declares a DOCTYPE, which is refused (no DTD or entity is read)", e);
            }
            throw new FeedException("not well-formed XML: " + message, e);
        } catch (IOException e) {
            throw new FeedException("unreadable: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        String name = root.getLocalName();
        List<FeedEntry> out = new ArrayList<>();
        if ("feed".equals(name) && ATOM.equals(root.getNamespaceURI())) {
            for (Element e : children(root, "entry", Set.of(ATOM))) {
                out.add(atom(e, out.size() + 1));
            }
        } else if ("rss".equals(name) && root.getNamespaceURI() == null) {
            Element channel = first(root, "channel", RSS_NAMESPACES);
            if (channel == null) {
                throw new FeedException("an <rss> document without a <channel>");
            }
            for (Element e : children(channel, "item", RSS_NAMESPACES)) {
                out.add(rss(e, out.size() + 1));
            }
        } else if ("RDF".equals(name) && RDF.equals(root.getNamespaceURI())) {
            for (Element e : children(root, "item", RSS_NAMESPACES)) {
                out.add(rss(e, out.size() + 1));
            }
        } else {
            throw new FeedException("not an RSS or Atom feed: the root element is <" + root.getTagName() + ">");
        }
        return out;
    }

    private FeedEntry rss(Element item, int position) throws FeedException {
        Element guid = first(item, "guid", RSS_NAMESPACES);
        String id = guid != null ? text(guid) : attribute(item, RDF, "about");
        boolean idIsLink = guid == null ? id != null : !"false".equalsIgnoreCase(guid.getAttribute("isPermaLink").strip());
        String body = text(first(item, "encoded", Set.of(CONTENT)));
        if (body == null) {
            body = text(first(item, "description", RSS_NAMESPACES));
        }
        String published = text(first(item, "pubDate", RSS_NAMESPACES));
        if (published == null) {
            published = text(first(item, "date", Set.of(DC)));
        }
        String author = text(first(item, "author", RSS_NAMESPACES));
        if (author == null) {
            author = text(first(item, "creator", Set.of(DC)));
        }
        return new FeedEntry(position, id, idIsLink, text(first(item, "link", RSS_NAMESPACES)),
                html(text(first(item, "title", RSS_NAMESPACES))), html(body), published, author, serialize(item));
    }

    private FeedEntry atom(Element entry, int position) throws FeedException {
        String link = null;
        for (Element l : children(entry, "link", Set.of(ATOM))) {
            String rel = l.getAttribute("rel").strip();
            if (rel.isEmpty() || rel.equals("alternate")) {
                link = l.getAttribute("href").strip();
                break;
            }
        }
        Element content = first(entry, "content", Set.of(ATOM));
        String body = content != null && !content.hasAttribute("src") ? atomText(content) : null;
        if (body == null) {
            body = atomText(first(entry, "summary", Set.of(ATOM)));
        }
        String published = text(first(entry, "published", Set.of(ATOM)));
        if (published == null) {
            published = text(first(entry, "updated", Set.of(ATOM)));
        }
        Element author = first(entry, "author", Set.of(ATOM));
        return new FeedEntry(position, text(first(entry, "id", Set.of(ATOM))), false, link == null || link.isEmpty() ? null : link,
                atomText(first(entry, "title", Set.of(ATOM))), body, published,
                author == null ? null : text(first(author, "name", Set.of(ATOM))), serialize(entry));
    }

    /**
     * An Atom text construct: {@code type} text (the default), html (escaped markup), or xhtml
     * (inline markup, read as HTML so that paragraphs stay apart).
     */
    private String atomText(Element e) throws FeedException {
        if (e == null) {
            return null;
        }
        return switch (e.getAttribute("type").strip().toLowerCase(Locale.ROOT)) {
            case "html" -> html(text(e));
            case "xhtml" -> html(serialize(e));
            default -> blankToNull(e.getTextContent().strip().replaceAll("\\s+", " "));
        };
    }

    /** The text of an HTML fragment; no-break spaces (&amp;nbsp; in CMS output) become plain ones. */
    private static String html(String html) {
        return html == null ? null : blankToNull(Jsoup.parse(html).text().replace('\u00a0', ' ').strip());
    }

    private static String text(Element e) {
        return e == null ? null : blankToNull(e.getTextContent().strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String attribute(Element e, String namespace, String name) {
        return e.hasAttributeNS(namespace, name) ? blankToNull(e.getAttributeNS(namespace, name).strip()) : null;
    }

    private static Element first(Element parent, String localName, Set<String> namespaces) {
        List<Element> found = children(parent, localName, namespaces);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String localName, Set<String> namespaces) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespaces.contains(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    private String serialize(Element e) throws FeedException {
        StringWriter out = new StringWriter();
        try {
            serializer.transform(new DOMSource(e), new StreamResult(out));
        } catch (TransformerException ex) {
            throw new FeedException("cannot write an item back as XML: " + ex.getMessage(), ex);
        }
        return out.toString();
    }
}
