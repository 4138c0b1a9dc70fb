package com.micromall.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The owner's CSV downloads: UTF-8 with a byte-order mark (so Excel shows Chinese names), quoting
 * by Commons CSV in Excel's dialect, and text typed by customers made harmless for spreadsheets.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** Starts the download; the caller closes the printer (try-with-resources). */
    public static CSVPrinter open(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.EXCEL);
    }

    /**
     * Text a customer typed (names, e-mails, account details): a cell starting with = + - @ or a
     * tab/carriage return would be run as a formula by a spreadsheet, so it gets a leading apostrophe.
     */
    public static String text(@Nullable String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
