# BLRM posterior under a mixture-of-bivariate-normals prior (design.blrm-posterior priorMixture=...):
# interval probabilities P(p_d < 0.16), P(0.16 <= p_d < 0.33), P(p_d >= 0.33) and the posterior mean of
# p_d by nested adaptive quadrature in base R (no packages). Run: Rscript mixture.R > mixture.out
# Model: logit p_d = a + exp(b) log(x_d / 10), x = 2.5, 5, 10, 20, 40; prior sum_k w_k N2(m_k, S_k).
options(digits = 12)
x <- c(2.5, 5, 10, 20, 40); L <- log(x / 10)
mix <- rbind(c(0.8, -2.09, 0.55, 0.29, 0.50, -0.40),
             c(0.2, -1.0986122886681098, 2, 0, 1, 0))
ldmix <- function(a, b) {
  t <- sapply(seq_len(nrow(mix)), function(k) {
    w <- mix[k, 1]; ma <- mix[k, 2]; sa <- mix[k, 3]; mb <- mix[k, 4]; sb <- mix[k, 5]; r <- mix[k, 6]
    z1 <- (a - ma) / sa; z2 <- (b - mb) / sb
    log(w) - log(2 * pi * sa * sb * sqrt(1 - r^2)) - (z1^2 - 2 * r * z1 * z2 + z2^2) / (2 * (1 - r^2))
  })
  if (is.null(dim(t))) t <- matrix(t, nrow = 1)
  m <- apply(t, 1, max); m + log(rowSums(exp(t - m)))
}
run <- function(n, y, label) {
  lpost <- function(a, b) {
    v <- ldmix(a, b)
    for (d in seq_along(n)) if (n[d] > 0) {
      eta <- a + exp(b) * L[d]
      v <- v + y[d] * plogis(eta, log.p = TRUE) + (n[d] - y[d]) * plogis(-eta, log.p = TRUE)
    }
    v
  }
  A <- c(-25, 25)
  inner <- function(b, lo, hi, g) {
    # split at the cut points so integrate() sees smooth pieces
    pts <- sort(unique(c(lo, hi, seq(lo, hi, length.out = 41))))
    s <- 0
    for (i in seq_len(length(pts) - 1)) s <- s + integrate(function(a) g(a, b), pts[i], pts[i + 1],
      rel.tol = 1e-12, abs.tol = 1e-15, subdivisions = 2000L)$value
    s
  }
  # shift by the log posterior at a rough mode so the integrand is O(1)
  opt <- optim(c(-2, 0), function(t) -lpost(t[1], t[2]))
  lmax <- -opt$value
  f <- function(a, b) exp(lpost(a, b) - lmax)
  outer <- function(h) integrate(Vectorize(h), -8, 8, rel.tol = 1e-11, abs.tol = 1e-15, subdivisions = 2000L)$value
  Z <- outer(function(b) inner(b, A[1], A[2], f))
  cat(label, "\n")
  for (d in seq_along(x)) {
    over <- outer(function(b) inner(b, max(A[1], qlogis(0.33) - exp(b) * L[d]), A[2], f)) / Z
    notUnder <- outer(function(b) inner(b, max(A[1], qlogis(0.16) - exp(b) * L[d]), A[2], f)) / Z
    meanP <- outer(function(b) inner(b, A[1], A[2], function(a, bb) f(a, bb) * plogis(a + exp(bb) * L[d]))) / Z
    cat(sprintf("dose %g: under %.12f target %.12f over %.12f meanP %.12f\n", x[d], 1 - notUnder,
      notUnder - over, over, meanP))
  }
}
run(c(0, 0, 0, 0, 0), c(0, 0, 0, 0, 0), "case M0: prior only")
run(c(3, 3, 6, 0, 0), c(0, 0, 1, 0, 0), "case M1: n = 3,3,6,0,0, y = 0,0,1,0,0")
run(c(3, 6, 0, 0, 0), c(0, 3, 0, 0, 0), "case M2: n = 3,6,0,0,0, y = 0,3,0,0,0 (conflict with the MAP component)")
