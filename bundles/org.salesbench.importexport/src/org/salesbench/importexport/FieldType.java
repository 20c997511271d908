package org.salesbench.importexport;

/** How the engine turns a cell's text into a field value before the target sees it. */
public enum FieldType {
    /** kept as text, stripped */
    TEXT,
    /** a whole or decimal number ({@link java.math.BigDecimal}); thousands separators allowed */
    NUMBER,
    /** a {@link java.time.LocalDate}: 2026-11-27, 2026/11/27, 2026年11月27日, 27.11.2026 */
    DATE,
    /** a {@link java.time.LocalDateTime}: 2026-11-27T10:30, 2026-11-27 10:30, 2026/11/27 10:30; a date alone is its start */
    DATETIME,
    /** true/false, yes/no, 是/否, 1/0 */
    BOOLEAN,
    /** one of the field's picklist values, after value mapping; unknown values are reported, never guessed */
    PICKLIST,
    /** several texts in one cell separated by {@code ;}, {@code ,}, {@code |}, {@code 、} or a line break ({@link java.util.List}) */
    LIST
}
