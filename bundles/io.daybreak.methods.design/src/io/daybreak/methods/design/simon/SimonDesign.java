package io.daybreak.methods.design.simon;

/**
 * A Simon two-stage design: treat n1 patients, stop for futility if at most r1 respond; otherwise treat
 * n − n1 more and declare the treatment promising if more than r of all n respond.
 *
 * @param pet0  probability of early termination under the null rate p0
 * @param en0   expected sample size under p0: n1 + (1 − PET0)(n − n1)
 * @param alpha attained type I error: P(declare promising | p0)
 * @param power attained power: P(declare promising | p1)
 */
public record SimonDesign(int r1, int n1, int r, int n, double pet0, double en0, double alpha, double power) {
}
