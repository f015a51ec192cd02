# Grid posterior (used for Part B and as cross-check in Part A).
# Trapezoid rule on an equispaced grid: a in ma +/- W*sa (na nodes), b in mb +/- W*sb (nb nodes).
# Interval probabilities: for each b-column, mass below the cut = trapezoid sum up to the node
# left of the cut + Euler-Maclaurin end correction + exact integral of a local quadratic
# interpolant over the partial cell, so the indicator discontinuity costs only O(h^4).

make_grid <- function(cs, na = 401, nb = 401, W = 8) {
  a <- seq(cs$ma - W * cs$sa, cs$ma + W * cs$sa, length.out = na)
  b <- seq(cs$mb - W * cs$sb, cs$mb + W * cs$sb, length.out = nb)
  ha <- a[2] - a[1]; hb <- b[2] - b[1]
  A <- matrix(a, na, nb); B <- matrix(b, na, nb, byrow = TRUE)
  lp0 <- log_prior(A, B, cs)
  eb <- exp(b)
  # per-dose log p and log(1-p) matrices
  LP <- LQ <- vector("list", cs$K)
  for (d in seq_len(cs$K)) {
    eta <- A + matrix(eb * cs$L[d], na, nb, byrow = TRUE)
    LP[[d]] <- plogis(eta, log.p = TRUE)
    LQ[[d]] <- plogis(eta, lower.tail = FALSE, log.p = TRUE)
  }
  # cut points per (b column, dose): index of left node and fractional position t
  cutinfo <- function(c) {
    lapply(seq_len(cs$K), function(d) {
      cu <- qlogis(c) - eb * cs$L[d]
      pos <- (cu - a[1]) / ha            # 0-based position
      j <- floor(pos)                    # left node (0-based)
      t <- pos - j
      below <- j < 0                     # cut below grid: mass below = 0
      above <- j >= na - 1               # cut above grid: mass below = all
      j[below] <- 0; t[below] <- 0
      j[above] <- na - 2; t[above] <- 1
      list(j = j + 1, t = t)             # 1-based left node
    })
  }
  wb <- rep(hb, nb); wb[c(1, nb)] <- hb / 2   # trapezoid weights in b
  list(cs = cs, a = a, b = b, ha = ha, hb = hb, na = na, nb = nb, wb = wb,
       lp0 = lp0, LP = LP, LQ = LQ, A = A, B = B,
       cut_lo = cutinfo(CUT_LO), cut_hi = cutinfo(CUT_HI))
}

# Posterior summaries on the grid for data n, y (vectors of length K)
grid_post <- function(G, n, y) {
  lp <- G$lp0
  for (d in which(n > 0)) {
    if (y[d] > 0) lp <- lp + y[d] * G$LP[[d]]
    if (n[d] - y[d] > 0) lp <- lp + (n[d] - y[d]) * G$LQ[[d]]
  }
  f <- exp(lp - max(lp))
  na <- G$na; nb <- G$nb; ha <- G$ha
  # trapezoid cumulative mass along a in each column: T_j = ha*(S_j - f_1/2 - f_j/2)
  S <- matrix(cumsum(as.vector(f)), na, nb)
  S <- S - matrix(c(0, S[na, -nb]), na, nb, byrow = TRUE)   # per-column cumsum
  colmass <- ha * (S[na, ] - f[1, ] / 2 - f[na, ] / 2)
  Z <- sum(G$wb * colmass)
  idx <- function(j) j + (seq_len(nb) - 1) * na            # linear index of (j, col)
  mass_below <- function(ci) {
    j <- ci$j; t <- ci$t
    ij <- idx(j); ij1 <- idx(j + 1)
    fj <- f[ij]; fj1 <- f[ij1]
    fjm <- f[idx(pmax(j - 1, 1))]; fj2 <- f[idx(pmin(j + 2, na))]
    # trapezoid up to node j with Euler-Maclaurin end correction -h^2/12 f'(a_j)
    # (f'(a_1) ~ 0 at the far grid edge), then exact integral over [a_j, cut] of the
    # quadratic through nodes j, j+1, j+2 => O(h^4) overall
    Tj <- ha * (S[ij] - f[idx(rep(1, nb))] / 2 - fj / 2) - ha * (fj1 - fjm) / 24
    part <- ha * (fj * (t^3 / 3 - 1.5 * t^2 + 2 * t) / 2 - fj1 * (t^3 / 3 - t^2) +
                  fj2 * (t^3 / 3 - t^2 / 2) / 2)
    Tj + part
  }
  K <- G$cs$K
  under <- over <- numeric(K)
  for (d in seq_len(K)) {
    under[d] <- sum(G$wb * mass_below(G$cut_lo[[d]])) / Z
    over[d] <- 1 - sum(G$wb * mass_below(G$cut_hi[[d]])) / Z
  }
  wab <- f * matrix(G$wb, na, nb, byrow = TRUE)
  wa <- rep(ha, na); wa[c(1, na)] <- ha / 2
  wab <- wab * wa
  Z2 <- sum(wab)
  list(under = under, target = 1 - under - over, over = over,
       mean_a = sum(wab * G$A) / Z2, mean_b = sum(wab * G$B) / Z2)
}
