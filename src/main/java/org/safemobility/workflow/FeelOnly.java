package org.safemobility.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Decisions are data an admin uploads, so they may only hold FEEL: a side-effect-free expression language. The DMN
 * engine's defaults also accept JUEL (which calls any Java method, e.g. {@code Runtime.exec}) and any JSR-223 script
 * language; an upload naming one would run code on the server while it is checked. Both are refused twice: a file is
 * read (without DTDs or external entities) and every {@code expressionLanguage} in it must name FEEL before the DMN
 * engine sees it, and the engine itself is built with neither JUEL nor script engines.
 */
public final class FeelOnly {

    /** The names DMN 1.1–1.5 and Camunda give FEEL. */
    private static final Set<String> FEEL = Set.of(
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15)
            .stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private FeelOnly() {
    }

    /** A DMN engine that evaluates FEEL and nothing else: JUEL and script languages fail instead of running. */
    public static DmnEngine engine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
        return configuration
                .defaultInputExpressionExpressionLanguage(feel)
                .defaultInputEntryExpressionLanguage(feel)
                .defaultOutputEntryExpressionLanguage(feel)
                .defaultLiteralExpressionLanguage(feel)
                .feelEngineFactory(ParsedOnceFeelEngine::new)
                .elProvider(expression -> {
                    throw new IllegalStateException("JUEL expressions are not evaluated here; use FEEL");
                })
                .scriptEngineResolver(language -> {
                    throw new IllegalStateException("script language '" + language + "' is not evaluated here; use FEEL");
                })
                .buildEngine();
    }

    /**
     * Refuses a file with a DOCTYPE (so no external entity is ever resolved) or any element whose
     * {@code expressionLanguage} is not FEEL, naming the element.
     */
    public static void check(byte[] file) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new Decisions.InvalidDecision(message.contains("DOCTYPE")
                    ? "DOCTYPE declarations (and so external entities) are not accepted in a DMN file"
                    : "not a valid DMN file: " + message, e);
        } catch (IOException | ParserConfigurationException e) {
            throw new Decisions.InvalidDecision("the file cannot be read: " + e.getMessage(), e);
        }
        check(document.getDocumentElement());
    }

    private static void check(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
            if (name.equals("expressionLanguage") && !FEEL.contains(attribute.getValue().strip().toLowerCase(Locale.ROOT))) {
                String id = element.getAttribute("id");
                throw new Decisions.InvalidDecision("%s%s uses expression language '%s'; only FEEL is accepted".formatted(
                        element.getLocalName(), id.isEmpty() ? "" : " '" + id + "'", attribute.getValue()));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                check(nested);
            }
        }
    }
}
