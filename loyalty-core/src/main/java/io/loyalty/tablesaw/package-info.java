/**
 * Tablesaw adapters: the only package that imports {@code tech.tablesaw}. tablesaw-core is an optional
 * dependency of loyalty-core; add it to your own build to use these classes.
 *
 * <p>Input tables are read column by column (each column looked up once, its type checked, copied into a
 * primitive array; a missing cell reported with its column and row); results convert to new tables with
 * columns we name ourselves. Caller tables are never modified.
 */
package io.loyalty.tablesaw;
