package io.loyalty.privacy;

/**
 * Which suppressed values of an additive table an attacker can recover exactly from the published ones. Unknowns are
 * the suppressed cells and margins; each published or suppressed margin gives one linear equation
 * {@code margin - Σ cells = 0}, with the published values moved to the right-hand side. An unknown is recoverable iff
 * its unit vector lies in the row space of the equations restricted to the unknowns (a rank test by Gaussian
 * elimination; the coefficients are 0 and ±1 and the systems small, so a pivot tolerance of 1e-9 is exact).
 */
final class Disclosure {
    private Disclosure() {
    }

    /**
     * The index of a recoverable unknown, or -1.
     *
     * @param equations coefficient rows over all variables (cells then margins)
     * @param unknown which variables are suppressed
     * @return the first recoverable suppressed variable, or -1 if none is
     */
    static int firstRecoverable(double[][] equations, boolean[] unknown) {
        int vars = unknown.length;
        int[] col = new int[vars];
        int u = 0;
        for (int v = 0; v < vars; v++) {
            col[v] = unknown[v] ? u++ : -1;
        }
        if (u == 0) {
            return -1;
        }
        double[][] a = new double[equations.length][u];
        for (int e = 0; e < equations.length; e++) {
            for (int v = 0; v < vars; v++) {
                if (col[v] >= 0) {
                    a[e][col[v]] = equations[e][v];
                }
            }
        }
        int rank = echelon(a);
        for (int v = 0; v < vars; v++) {
            if (col[v] < 0) {
                continue;
            }
            double[] unit = new double[u];
            unit[col[v]] = 1;
            if (inRowSpace(a, rank, unit)) {
                return v;
            }
        }
        return -1;
    }

    /** Reduced row echelon form in place; returns the rank (the first rank rows are the basis). */
    private static int echelon(double[][] a) {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        int r = 0;
        for (int c = 0; c < cols && r < rows; c++) {
            int pivot = -1;
            double best = 1e-9;
            for (int i = r; i < rows; i++) {
                if (Math.abs(a[i][c]) > best) {
                    best = Math.abs(a[i][c]);
                    pivot = i;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] t = a[r];
            a[r] = a[pivot];
            a[pivot] = t;
            double p = a[r][c];
            for (int j = 0; j < cols; j++) {
                a[r][j] /= p;
            }
            for (int i = 0; i < rows; i++) {
                if (i != r && a[i][c] != 0) {
                    double f = a[i][c];
                    for (int j = 0; j < cols; j++) {
                        a[i][j] -= f * a[r][j];
                    }
                }
            }
            r++;
        }
        return r;
    }

    /** Whether v reduces to zero against the reduced basis. */
    private static boolean inRowSpace(double[][] basis, int rank, double[] v) {
        double[] x = v.clone();
        for (int r = 0; r < rank; r++) {
            int lead = 0;
            while (Math.abs(basis[r][lead]) < 1e-9) {
                lead++;
            }
            double f = x[lead];
            if (f != 0) {
                for (int j = 0; j < x.length; j++) {
                    x[j] -= f * basis[r][j];
                }
            }
        }
        for (double d : x) {
            if (Math.abs(d) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
