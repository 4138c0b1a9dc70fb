package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvDownloadTests {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(CsvDownload.text("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CsvDownload.text("+86 138")).isEqualTo("'+86 138");
        assertThat(CsvDownload.text("-1")).isEqualTo("'-1");
        assertThat(CsvDownload.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void ordinaryTextAndMissingValuesStayAsTheyAre() {
        assertThat(CsvDownload.text("王小明")).isEqualTo("王小明");
        assertThat(CsvDownload.text("Li, \"Lucky\" Wang")).isEqualTo("Li, \"Lucky\" Wang");
        assertThat(CsvDownload.text(null)).isEmpty();
    }
}
