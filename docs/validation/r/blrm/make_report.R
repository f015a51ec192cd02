# Emits the markdown tables for docs/validation/r/blrm.md from the saved results.
A <- readRDS("docs/validation/r/blrm/partA_case1_case2_case3_case4.rds")
f11 <- function(v) formatC(v, digits = 11, format = "f")
g12 <- function(v) formatC(v, digits = 12, format = "g")
cat("## Part A tables\n\n")
for (nm in names(A)) {
  Q <- A[[nm]]$Q; IS <- A[[nm]]$IS; GP <- A[[nm]]$GP; GP2 <- A[[nm]]$GP2
  cat(sprintf("### %s\n\n", nm))
  cat(sprintf("- posterior mean a = **%s**, posterior mean b = **%s**\n", g12(Q$mean_a), g12(Q$mean_b)))
  cat(sprintf("- (IS 1e6: a = %.5f +- %.1e, b = %.5f +- %.1e; grid 801: a = %s, b = %s)\n",
              IS$mean_a[1], IS$mean_a[2], IS$mean_b[1], IS$mean_b[2], g12(GP2$mean_a), g12(GP2$mean_b)))
  cat(sprintf("- posterior mode (a, b) = (%.8f, %.8f); log marginal likelihood (normalised prior) = %.10f\n\n",
              Q$mode[1], Q$mode[2], Q$logZ))
  cat("| dose | under P(p<0.16) | target P(0.16<=p<0.33) | over P(p>=0.33) | IS under (se) | IS target (se) | IS over (se) |\n|---|---|---|---|---|---|---|\n")
  for (d in seq_along(Q$under))
    cat(sprintf("| %d | %s | %s | %s | %.5f (%.5f) | %.5f (%.5f) | %.5f (%.5f) |\n", d,
                f11(Q$under[d]), f11(Q$target[d]), f11(Q$over[d]),
                IS$under[d, 1], IS$under[d, 2], IS$target[d, 1], IS$target[d, 2],
                IS$over[d, 1], IS$over[d, 2]))
  z <- c((IS$under[, 1] - Q$under) / IS$under[, 2], (IS$target[, 1] - Q$target) / IS$target[, 2],
         (IS$over[, 1] - Q$over) / IS$over[, 2])
  cat(sprintf("\nmax |IS z-score| = %.2f; max |grid401 - quad| = %.1e; max |grid801 - quad| = %.1e\n\n",
              max(abs(z)),
              max(abs(c(GP$under - Q$under, GP$target - Q$target, GP$over - Q$over))),
              max(abs(c(GP2$under - Q$under, GP2$target - Q$target, GP2$over - Q$over)))))
}

cat("## Part B tables\n\n")
for (s in 1:2) {
  S <- readRDS(sprintf("docs/validation/r/blrm/partB_s%d_seed%d.rds", s, 20240600 + s))
  E <- readRDS(sprintf("docs/validation/r/blrm/partB_exact_s%d.rds", s))
  N <- S$NT; K <- 6
  mtd <- vapply(S$res, `[[`, 0L, "mtd")
  nn <- t(vapply(S$res, `[[`, integer(6), "n")); yy <- t(vapply(S$res, `[[`, integer(6), "y"))
  ps <- tabulate(mtd + 1, K + 1) / N
  se <- sqrt(ps * (1 - ps) / N)
  cat(sprintf("### Scenario %d: truth = %s (seed %d, N = %d trials)\n\n", s,
              paste(S$truth, collapse = ", "), S$seed, N))
  cat("| dose | truth | sim select % (MC SE) | exact select % | sim mean n | exact E[n] | sim mean DLT | exact E[DLT] |\n|---|---|---|---|---|---|---|---|\n")
  for (d in 1:K)
    cat(sprintf("| %d | %.2f | %.2f (%.2f) | %.4f | %.4f | %.4f | %.4f | %.4f |\n", d, S$truth[d],
                100 * ps[d + 1], 100 * se[d + 1], 100 * E$psel[d + 1], mean(nn[, d]), E$En[d],
                mean(yy[, d]), E$Ey[d]))
  cat(sprintf("| none | | %.2f (%.2f) | %.4f | | | | |\n", 100 * ps[1], 100 * se[1], 100 * E$psel[1]))
  tn <- rowSums(nn); ty <- rowSums(yy)
  early <- mean(vapply(S$res, `[[`, "", "stop") == "no_admissible")
  cat(sprintf("| total | | | | %.4f (sd %.2f) | %.4f | %.4f | %.4f |\n\n", mean(tn), sd(tn), sum(E$En),
              mean(ty), sum(E$Ey)))
  cat(sprintf("- P(stopped early, no admissible dose): sim %.4f (SE %.4f), exact %.6f\n",
              early, sqrt(early * (1 - early) / N), E$pstop_early))
  cat(sprintf("- z-scores sim vs exact, selection (none,1..6): %s\n",
              paste(sprintf("%.2f", ifelse(se > 0, (ps - E$psel) / se, 0)), collapse = ", ")))
  cat(sprintf("- exact selection probabilities (12 dp): none %s\n\n",
              paste(sprintf("%.12f", E$psel), collapse = ", ")))
  cat(sprintf("- exact E[n_d] (10 dp): %s\n- exact E[y_d] (10 dp): %s\n\n",
              paste(sprintf("%.10f", E$En), collapse = ", "), paste(sprintf("%.10f", E$Ey), collapse = ", ")))
}

cat("## Early decision table (design prior, accuracy-controlled cache)\n\n")
cache <- readRDS("docs/validation/r/blrm/partB_exact_cache.rds")
cat("| n (doses 1-6) | y | over_1..6 | target_1..6 | decision |\n|---|---|---|---|---|\n")
show <- function(n, y) {
  ip <- cache[[paste(c(n, y), collapse = ",")]]
  maxt <- max(which(n > 0))
  adm <- ip$over <= 0.25 & seq_len(6) <= maxt + 1
  dec <- if (!any(adm)) "stop, no MTD" else paste("next dose", which.max(ifelse(adm, ip$target, -Inf)))
  cat(sprintf("| %s | %s | %s | %s | %s |\n", paste(n, collapse = ","), paste(y, collapse = ","),
              paste(sprintf("%.6f", ip$over), collapse = " "), paste(sprintf("%.6f", ip$target), collapse = " "), dec))
  if (any(adm)) which.max(ifelse(adm, ip$target, -Inf)) else 0
}
for (t1 in 0:3) {
  n <- c(3, 0, 0, 0, 0, 0); y <- c(t1, 0, 0, 0, 0, 0)
  d2 <- show(n, y)
  if (d2 > 0) for (t2 in 0:3) { n2 <- n; y2 <- y; n2[d2] <- n2[d2] + 3; y2[d2] <- y2[d2] + t2; show(n2, y2) }
}
