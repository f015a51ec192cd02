package io.daybreak.data.cdisc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * A CDISC Define-XML 2.0 or 2.1 document (ODM 1.3): per dataset ({@code ItemGroupDef}) its label and variables, per
 * variable ({@code ItemDef}) its label, data type, length, display format, key sequence and code list. Read with the
 * JDK's XML parser, secured: no DTDs, no external entities or schemas are loaded. Elements are matched by local name,
 * so the 2.0 and 2.1 namespaces both work.
 *
 * <p>{@link #apply(Table, String)} fills a table's column metadata (the Dataset-JSON keys of {@link DatasetJson})
 * where the data file itself says nothing: the file's own labels, lengths and formats are kept.
 */
public final class DefineXml {
    /** Dataset metadata: the define.xml file applied. */
    public static final String FILE = "define.file";
    /** Dataset metadata: why a define.xml next to the data file was not applied. */
    public static final String SKIPPED = "define.skipped";
    /** Column metadata: the OID of the variable's code list. */
    public static final String CODE_LIST = "define.codeList";
    /** Column metadata: the code list's terms, {@code code=decode} (or just {@code code}), separated by {@code ; }. */
    public static final String CODE_LIST_TERMS = "define.codeListTerms";

    private final Path file;
    private final String version;
    private final Map<String, Dataset> datasets;
    private final Map<String, CodeList> codeLists;

    /** A variable as define.xml describes it; absent attributes are null. */
    public record Variable(String oid, String name, String label, String dataType, Integer length, String displayFormat,
            Integer keySequence, String codeList) {
    }

    /** A dataset: its name, label and variables in their order. */
    public record Dataset(String oid, String name, String label, List<Variable> variables) {
    }

    /** A code list term: the coded value and its decode (null if none). */
    public record Term(String code, String decode) {
    }

    /** A code list: its name, data type and terms in order. */
    public record CodeList(String oid, String name, String dataType, List<Term> terms) {
    }

    private DefineXml(Path file, String version, Map<String, Dataset> datasets, Map<String, CodeList> codeLists) {
        this.file = file;
        this.version = version;
        this.datasets = datasets;
        this.codeLists = codeLists;
    }

    /**
     * Reads a define.xml file.
     *
     * @throws DataFormatException naming the file, line and column of malformed XML, or what is missing
     */
    public static DefineXml read(Path file) {
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = builder().parse(in, file.toUri().toString());
        } catch (SAXParseException e) {
            throw new DataFormatException(file, e.getLineNumber(), e.getColumnNumber(), "not valid XML: " + e.getMessage(),
                    e);
        } catch (SAXException e) {
            throw new DataFormatException(file, 0, 0, "not valid XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"ODM".equals(root.getLocalName())) {
            throw new DataFormatException(file, 0, 0, "not a define.xml: the root element is <" + root.getNodeName()
                    + ">, not <ODM>");
        }
        Element metaData = first(root, "MetaDataVersion");
        if (metaData == null) {
            throw new DataFormatException(file, 0, 0, "not a define.xml: no <MetaDataVersion> in <Study>");
        }
        String version = attribute(metaData, "DefineVersion");
        if (version == null || !version.startsWith("2.")) {
            throw new DataFormatException(file, 0, 0, "Define-XML version " + (version == null ? "not given" : "'"
                    + version + "'") + "; this reader reads Define-XML 2.0 and 2.1 (def:DefineVersion=\"2.x\")");
        }
        Map<String, Element> items = new LinkedHashMap<>();
        for (Element item : children(metaData, "ItemDef")) {
            items.put(item.getAttribute("OID"), item);
        }
        Map<String, CodeList> codeLists = new LinkedHashMap<>();
        for (Element list : children(metaData, "CodeList")) {
            List<Term> terms = new ArrayList<>();
            for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && ("CodeListItem".equals(e.getLocalName())
                        || "EnumeratedItem".equals(e.getLocalName()))) {
                    terms.add(new Term(e.getAttribute("CodedValue"), text(first(e, "Decode"))));
                }
            }
            codeLists.put(list.getAttribute("OID"), new CodeList(list.getAttribute("OID"), list.getAttribute("Name"),
                    list.getAttribute("DataType"), List.copyOf(terms)));
        }
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        for (Element group : children(metaData, "ItemGroupDef")) {
            List<Variable> variables = new ArrayList<>();
            for (Element ref : children(group, "ItemRef")) {
                Element item = items.get(ref.getAttribute("ItemOID"));
                if (item == null) {
                    throw new DataFormatException(file, 0, 0, "dataset " + group.getAttribute("Name") + " refers to item '"
                            + ref.getAttribute("ItemOID") + "', which has no <ItemDef>");
                }
                Element codeListRef = first(item, "CodeListRef");
                variables.add(new Variable(item.getAttribute("OID"), item.getAttribute("Name"),
                        text(first(item, "Description")), attribute(item, "DataType"), integer(attribute(item, "Length")),
                        attribute(item, "DisplayFormat"), integer(attribute(ref, "KeySequence")),
                        codeListRef == null ? null : codeListRef.getAttribute("CodeListOID")));
            }
            String label = text(first(group, "Description"));
            datasets.put(group.getAttribute("Name").toUpperCase(Locale.ROOT), new Dataset(group.getAttribute("OID"),
                    group.getAttribute("Name"), label != null ? label : attribute(group, "Label"), List.copyOf(variables)));
        }
        return new DefineXml(file, version, datasets, codeLists);
    }

    /** The Define-XML version ({@code 2.0.0}, {@code 2.1.0}, ...). */
    public String version() {
        return version;
    }

    /** The datasets by name (upper case), in document order. */
    public Map<String, Dataset> datasets() {
        return java.util.Collections.unmodifiableMap(datasets);
    }

    /** The code lists by OID. */
    public Map<String, CodeList> codeLists() {
        return java.util.Collections.unmodifiableMap(codeLists);
    }

    /**
     * A table with the dataset's metadata filled in where the table has none (or an empty text): dataset label and
     * item group OID; per column present in the dataset, label, data type (Define-XML {@code text} as
     * {@code string}), length, display format, key sequence, item OID and code list ({@link #CODE_LIST},
     * {@link #CODE_LIST_TERMS}). The buffers move
     * to the new table without copying; {@code table} is closed. The name of the file applied is {@link #FILE}.
     *
     * @param dataset the dataset's name (case-insensitive); null: the table's {@code cdisc.name}
     * @throws InvalidInputException if the define.xml does not describe that dataset (table left open)
     */
    public Table apply(Table table, String dataset) {
        String name = dataset != null ? dataset : table.metadata().get(DatasetJson.PREFIX + "name");
        Dataset described = name == null ? null : datasets.get(name.toUpperCase(Locale.ROOT));
        if (described == null) {
            throw new InvalidInputException(file + ": describes no dataset '" + name + "'; datasets: "
                    + String.join(", ", datasets.keySet()));
        }
        Map<String, Variable> byName = new LinkedHashMap<>();
        for (Variable v : described.variables()) {
            byName.put(v.name(), v);
        }
        Map<String, String> tableMetadata = new LinkedHashMap<>(table.metadata());
        putAbsent(tableMetadata, DatasetJson.PREFIX + "name", described.name());
        putAbsent(tableMetadata, DatasetJson.PREFIX + "label", described.label());
        putAbsent(tableMetadata, DatasetJson.PREFIX + "itemGroupOID", described.oid());
        tableMetadata.put(FILE, file.toString());
        VectorSchemaRoot root = table.arrowRoot();
        List<Field> fields = new ArrayList<>();
        List<FieldVector> moved = new ArrayList<>();
        try {
            for (FieldVector vector : root.getFieldVectors()) {
                Field field = vector.getField();
                Map<String, String> metadata = new LinkedHashMap<>(field.getMetadata());
                Variable v = byName.get(field.getName());
                if (v != null) {
                    putAbsent(metadata, DatasetJson.LABEL, v.label());
                    putAbsent(metadata, DatasetJson.DATA_TYPE, dataType(v.dataType()));
                    putAbsent(metadata, DatasetJson.LENGTH, v.length() == null ? null : v.length().toString());
                    putAbsent(metadata, DatasetJson.DISPLAY_FORMAT, v.displayFormat());
                    putAbsent(metadata, DatasetJson.KEY_SEQUENCE,
                            v.keySequence() == null ? null : v.keySequence().toString());
                    putAbsent(metadata, DatasetJson.ITEM_OID, v.oid());
                    CodeList list = v.codeList() == null ? null : codeLists.get(v.codeList());
                    if (list != null) {
                        metadata.put(CODE_LIST, list.oid());
                        metadata.put(CODE_LIST_TERMS, String.join("; ", list.terms().stream()
                                .map(t -> t.decode() == null ? t.code() : t.code() + "=" + t.decode()).toList()));
                    }
                }
                Field relabelled = new Field(field.getName(), new FieldType(field.isNullable(), field.getType(),
                        field.getDictionary(), metadata), field.getChildren());
                TransferPair pair = vector.getTransferPair(relabelled, vector.getAllocator());
                pair.transfer();
                moved.add((FieldVector) pair.getTo());
                fields.add(relabelled);
            }
        } catch (RuntimeException e) {
            moved.forEach(FieldVector::close);
            throw e;
        }
        Table result = Table.adopt(new VectorSchemaRoot(new Schema(fields, tableMetadata), moved, root.getRowCount()));
        table.close();
        return result;
    }

    /**
     * The define.xml next to a data file ({@code define.xml} in the same folder), applied if it is a Define-XML 2.x
     * document that describes the table's dataset; otherwise the table unchanged. A define.xml that cannot be used
     * (Define-XML 1.0, as the CDISC pilot submission has, or malformed XML) does not stop the data being read: the
     * reason is recorded in the table's metadata under {@link #SKIPPED}.
     */
    public static Table applyNextTo(Path dataFile, Table table) {
        Path parent = dataFile.toAbsolutePath().getParent();
        Path define = parent == null ? null : parent.resolve("define.xml");
        if (define == null || !Files.isRegularFile(define)) {
            return table;
        }
        DefineXml xml;
        try {
            xml = read(define);
        } catch (InvalidInputException e) {
            return withMetadata(table, SKIPPED, e.getMessage());
        }
        String name = table.metadata().get(DatasetJson.PREFIX + "name");
        if (name == null || !xml.datasets.containsKey(name.toUpperCase(Locale.ROOT))) {
            return withMetadata(table, SKIPPED, define + ": describes no dataset '" + name + "'");
        }
        return xml.apply(table, name);
    }

    /** The table with one more dataset metadata entry; the buffers move without copying and {@code table} closes. */
    private static Table withMetadata(Table table, String key, String value) {
        VectorSchemaRoot root = table.arrowRoot();
        Map<String, String> metadata = new LinkedHashMap<>(table.metadata());
        metadata.put(key, value);
        List<FieldVector> moved = new ArrayList<>();
        try {
            for (FieldVector vector : root.getFieldVectors()) {
                TransferPair pair = vector.getTransferPair(vector.getAllocator());
                pair.transfer();
                moved.add((FieldVector) pair.getTo());
            }
        } catch (RuntimeException e) {
            moved.forEach(FieldVector::close);
            throw e;
        }
        Table result = Table.adopt(new VectorSchemaRoot(new Schema(root.getSchema().getFields(), metadata), moved,
                root.getRowCount()));
        table.close();
        return result;
    }

    /** Define-XML data types as Dataset-JSON's: {@code text} is {@code string}; the others are the same words. */
    static String dataType(String defineType) {
        if (defineType == null) {
            return null;
        }
        return switch (defineType) {
        case "text" -> "string";
        case "integer", "float", "double", "decimal", "boolean", "date", "datetime", "time", "URI" -> defineType;
        default -> null; // partialDate, incompleteDatetime, durationDatetime, ...: kept as the file has them
        };
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be secured: " + e.getMessage(), e);
        }
    }

    private static void putAbsent(Map<String, String> metadata, String key, String value) {
        String present = metadata.get(key);
        if (value != null && !value.isEmpty() && (present == null || present.isEmpty())) {
            metadata.put(key, value);
        }
    }

    /** An attribute by local name in any namespace (def:DisplayFormat, Length), or null. */
    private static String attribute(Element element, String localName) {
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (name.equals(localName)) {
                return a.getNodeValue();
            }
        }
        return null;
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first descendant with this local name, or null. */
    private static Element first(Element parent, String localName) {
        NodeList list = parent.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    /** The child elements with this local name. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of a {@code Description} or {@code Decode}: its first {@code TranslatedText}, stripped; or null. */
    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        Element translated = first(element, "TranslatedText");
        String text = (translated != null ? translated : element).getTextContent();
        return text == null ? null : text.strip();
    }
}
