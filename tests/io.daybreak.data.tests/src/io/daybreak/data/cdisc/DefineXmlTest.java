package io.daybreak.data.cdisc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/** Define-XML 2.1: datasets, variables and code lists; applied to a table; no external entities. */
class DefineXmlTest extends ArrowTestSupport {
    @TempDir
    Path dir;

    @Test
    void readsDatasetsVariablesAndCodeLists() {
        DefineXml define = DefineXml.read(testData("define/define.xml"));
        assertEquals("2.1.0", define.version());
        DefineXml.Dataset adtte = define.datasets().get("ADTTE");
        assertEquals("Time-to-Event Analysis Dataset", adtte.label());
        assertEquals(List.of("USUBJID", "PARAMCD", "AVAL", "CNSR", "TRTP", "ADT"),
                adtte.variables().stream().map(DefineXml.Variable::name).toList());
        DefineXml.Variable adt = adtte.variables().get(5);
        assertEquals("integer", adt.dataType());
        assertEquals("DATE9.", adt.displayFormat());
        assertEquals(1, adtte.variables().get(0).keySequence());
        assertEquals(List.of(new DefineXml.Term("0", "Event"), new DefineXml.Term("1", "Censored")),
                define.codeLists().get("CL.CNSR").terms());
        assertEquals(new DefineXml.Term("Placebo", null), define.codeLists().get("CL.ARM").terms().get(0));
        assertEquals(new DefineXml.Term("PFS", "Progression-Free Survival (days)"),
                define.codeLists().get("CL.PARAMCD").terms().get(1));
    }

    @Test
    void aDefineXmlNextToTheDataFillsInWhatTheFileDoesNotSay() throws IOException {
        Files.copy(testData("xpt/adtte.xpt"), dir.resolve("adtte.xpt"));
        try (Table plain = TableFiles.read(dir.resolve("adtte.xpt"), allocator)) {
            assertFalse(plain.columnMetadata("CNSR").containsKey(DefineXml.CODE_LIST));
        }
        Files.copy(testData("define/define.xml"), dir.resolve("define.xml"));
        try (Table table = TableFiles.read(dir.resolve("adtte.xpt"), allocator)) {
            Map<String, String> cnsr = table.columnMetadata("CNSR");
            assertEquals("Censor", cnsr.get(DatasetJson.LABEL));
            assertEquals("integer", cnsr.get(DatasetJson.DATA_TYPE));
            assertEquals("CL.CNSR", cnsr.get(DefineXml.CODE_LIST));
            assertEquals("0=Event; 1=Censored", cnsr.get(DefineXml.CODE_LIST_TERMS));
            assertEquals("string", table.columnMetadata("USUBJID").get(DatasetJson.DATA_TYPE));
            assertEquals("1", table.columnMetadata("USUBJID").get(DatasetJson.KEY_SEQUENCE));
            assertEquals("IT.ADTTE.AVAL", table.columnMetadata("AVAL").get(DatasetJson.ITEM_OID));
            assertEquals("IG.ADTTE", table.metadata().get("cdisc.itemGroupOID"));
            assertEquals(dir.resolve("define.xml").toString(), table.metadata().get(DefineXml.FILE));
            assertEquals(114.0, table.doubles("AVAL").get(0), "values unchanged");
            assertFalse(table.columnMetadata("SEX").containsKey(DatasetJson.ITEM_OID), "not described: unchanged");
        }
    }

    @Test
    void externalEntitiesAndDoctypesAreRefused() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "do not read");
        Path define = dir.resolve("define.xml");
        Files.writeString(define, "<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]>\n<ODM><Study><MetaDataVersion>&x;</MetaDataVersion></Study></ODM>");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DefineXml.read(define));
        assertTrue(e.getMessage().startsWith(define + ":2:"), e.getMessage());
        assertFalse(e.getMessage().contains("do not read"));
    }

    @Test
    void badDefineFilesAreNamed() throws IOException {
        Path define = dir.resolve("define.xml");
        Files.writeString(define, "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.2\" "
                + "xmlns:def=\"http://www.cdisc.org/ns/def/v1.0\"><Study><MetaDataVersion def:DefineVersion=\"1.0.0\"/>"
                + "</Study></ODM>");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DefineXml.read(define));
        assertTrue(e.getMessage().contains("Define-XML version '1.0.0'; this reader reads Define-XML 2.0 and 2.1"),
                e.getMessage());
        Files.writeString(define, "<ODM><Study>");
        e = assertThrows(DataFormatException.class, () -> DefineXml.read(define));
        assertTrue(e.getMessage().contains("not valid XML"), e.getMessage());
        Files.copy(testData("xpt/adtte.xpt"), dir.resolve("adtte.xpt"));
        try (Table table = TableFiles.read(dir.resolve("adtte.xpt"), allocator)) {
            assertEquals(240, table.rowCount(), "a define.xml that cannot be used does not stop the data being read");
            assertTrue(table.metadata().get(DefineXml.SKIPPED).contains("not valid XML"), table.metadata().toString());
        }
        DefineXml good = DefineXml.read(testData("define/define.xml"));
        try (Table empty = Table.builder(allocator).build()) {
            InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> good.apply(empty, "ADSL"));
            assertTrue(unknown.getMessage().contains("describes no dataset 'ADSL'; datasets: ADTTE"), unknown.getMessage());
        }
    }
}
