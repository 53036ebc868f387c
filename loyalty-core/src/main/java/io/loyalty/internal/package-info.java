/**
 * Shared numerics and argument checks used by every metric family. <strong>Not API</strong>: the classes are
 * public only so that the family packages (and {@code loyalty-spark}) can reach them; they may change without
 * notice.
 */
package io.loyalty.internal;
