package org.salesbench.documents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.internal.CjkFontSource;
import org.salesbench.documents.internal.CjkFontSource.FontData;
import org.salesbench.documents.internal.CjkFontSource.OpenedFont;

/** Which fonts qualify for embedding, and what the user is told when the configured one does not. */
class CjkFontSourceTest {

    @Test
    void theBundledFontIsFoundAndIsTheProportionalFaceOfTheCollection() throws Exception {
        FontData data = new CjkFontSource().fontData();
        assertEquals("bundle:/fonts/wqy-microhei.ttc", data.origin());
        try (OpenedFont font = CjkFontSource.open(data)) {
            assertEquals("WenQuanYiMicroHei", font.font().getName());
            assertTrue(font.font().getUnicodeCmapLookup().getGlyphId('A') > 0, "Latin letters too");
        }
    }

    @Test
    void aCffBasedCjkFontIsRefusedWithTheReason() throws Exception {
        // Noto Sans CJK (Debian fonts-noto-cjk, which CI installs for the workbench) has CFF outlines
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        assumeTrue(Files.isReadable(noto), "Noto Sans CJK is not installed here");
        DocumentException e = assertThrows(DocumentException.class,
                () -> CjkFontSource.open(new FontData(Files.readAllBytes(noto), noto.toString())).close());
        assertTrue(e.getMessage().contains("CFF") && e.getMessage().contains(noto.toString()), e.getMessage());
    }

    @Test
    void aConfiguredFontThatCannotBeReadIsReportedNotSilentlyReplaced(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-font.ttf");
        Path notAFont = Files.writeString(dir.resolve("not-a-font.ttf"), "hello");
        String before = System.getProperty(CjkFontSource.FONT_PROPERTY);
        try {
            System.setProperty(CjkFontSource.FONT_PROPERTY, missing.toString());
            DocumentException e1 = assertThrows(DocumentException.class, () -> new CjkFontSource().fontData());
            assertTrue(e1.getMessage().contains(missing.toString()), e1.getMessage());

            System.setProperty(CjkFontSource.FONT_PROPERTY, notAFont.toString());
            DocumentException e2 = assertThrows(DocumentException.class, () -> new CjkFontSource().fontData());
            assertTrue(e2.getMessage().contains(notAFont.toString()), e2.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(CjkFontSource.FONT_PROPERTY);
            } else {
                System.setProperty(CjkFontSource.FONT_PROPERTY, before);
            }
        }
    }
}
