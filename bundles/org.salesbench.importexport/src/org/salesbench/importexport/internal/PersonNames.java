package org.salesbench.importexport.internal;

/**
 * A person's full name from its given and family names, as the person's own language writes it: Chinese, Japanese
 * and Korean names family name first with no space ({@code 张} and {@code 三} make {@code 张三}), others given name
 * first ({@code Ada Brinkmann}). Other systems keep the two apart (Salesforce's FirstName and LastName, vCard's N);
 * joined blindly with a space they would make {@code 三 张}.
 */
public final class PersonNames {

    private PersonNames() {
    }

    /** The full name; either part may be {@code null} or blank, giving the other alone (stripped). */
    public static String full(String given, String family) {
        String g = given == null ? "" : given.strip();
        String f = family == null ? "" : family.strip();
        if (g.isEmpty() || f.isEmpty()) {
            return g.isEmpty() ? f : g;
        }
        return isCjk(g) && isCjk(f) ? f + g : g + " " + f;
    }

    /** Whether every letter of the text is a Han, Hiragana, Katakana or Hangul character (spaces and dots ignored). */
    public static boolean isCjk(String text) {
        boolean any = false;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || c == '·' || c == '.' || c == '・') {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                    && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
