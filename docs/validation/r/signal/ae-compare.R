# Reference values for signal.ae-compare (io.daybreak.stats.signal.ae and io.daybreak.methods.signal.ae).
# Writes a small seeded synthetic trial (ADSL and ADAE as CSV, made here, no external data) and prints the
# reference values the Java tests pin. Run from this directory:
#   Rscript ae-compare.R > ae-compare.out
# Needs R 4.2.2, coda 0.19-4 and c212 1.0.1 (.libPaths("/work/Rlib") if installed there).
.libPaths(c("/work/Rlib", .libPaths()))
suppressMessages({library(coda); library(c212)})
options(digits = 17)

set.seed(20261203)
arms <- c("Placebo", "Low", "High")
nper <- c(Placebo = 60, Low = 60, High = 58)
adsl <- data.frame(USUBJID = sprintf("TRIAL-%03d", seq_len(sum(nper))),
                   TRTA = rep(arms, nper), stringsAsFactors = FALSE)
adsl$TRTDURD <- sample(20:180, nrow(adsl), replace = TRUE)
ae <- data.frame(
  AEBODSYS = c(rep("Gastrointestinal disorders", 5), rep("Nervous system disorders", 4),
               rep("Skin and subcutaneous tissue disorders", 4), rep("General disorders", 3)),
  AEDECOD = c("Nausea", "Vomiting", "Diarrhoea", "Constipation", "Abdominal pain",
              "Headache", "Dizziness", "Somnolence", "Paraesthesia",
              "Rash", "Pruritus", "Alopecia", "Dry skin",
              "Fatigue", "Pyrexia", "Oedema peripheral"),
  base = c(0.10, 0.06, 0.12, 0.05, 0.08, 0.15, 0.07, 0.04, 0.03, 0.06, 0.05, 0.02, 0.04, 0.20, 0.06, 0.05),
  stringsAsFactors = FALSE)
# dose effect on the log-odds: GI events and Rash raised with dose, others not
effect <- ifelse(ae$AEBODSYS == "Gastrointestinal disorders", 1.0, 0) + ifelse(ae$AEDECOD == "Rash", 0.8, 0)
dose <- c(Placebo = 0, Low = 1, High = 2)
rows <- list()
for (i in seq_len(nrow(adsl))) {
  d <- dose[adsl$TRTA[i]]
  pr <- plogis(qlogis(ae$base) + effect * d)
  has <- runif(nrow(ae)) < pr
  for (k in which(has)) {
    nrec <- sample(1:2, 1, prob = c(0.8, 0.2))   # some patients report the same term twice
    for (r in seq_len(nrec)) {
      rows[[length(rows) + 1]] <- data.frame(USUBJID = adsl$USUBJID[i], AEBODSYS = ae$AEBODSYS[k],
        AEDECOD = ae$AEDECOD[k], AETOXGR = sample(1:4, 1, prob = c(0.5, 0.3, 0.15, 0.05)), TRTA = adsl$TRTA[i],
        stringsAsFactors = FALSE)
    }
  }
}
adae <- do.call(rbind, rows)
write.csv(adsl, "ae-adsl.csv", row.names = FALSE, quote = FALSE)
write.csv(adae, "ae-adae.csv", row.names = FALSE, quote = FALSE)

# ---- counts: a patient counts once per term ----
counts <- function(adae, mingrade = 0) {
  a <- adae[adae$AETOXGR >= mingrade, ]
  u <- unique(a[, c("USUBJID", "AEBODSYS", "AEDECOD", "TRTA")])
  tab <- aggregate(USUBJID ~ AEBODSYS + AEDECOD + TRTA, data = u, FUN = length)
  names(tab)[4] <- "n"
  tab
}
N <- table(adsl$TRTA)[arms]
expo <- tapply(adsl$TRTDURD, adsl$TRTA, sum)[arms]
cat("N:", N, "\n"); cat("exposure days:", expo, "\n")
cnt <- counts(adae)
terms <- unique(adae[, c("AEBODSYS", "AEDECOD")])
terms <- terms[order(terms$AEBODSYS, terms$AEDECOD), ]
getn <- function(tab, bs, term, arm) { v <- tab$n[tab$AEBODSYS == bs & tab$AEDECOD == term & tab$TRTA == arm]; if (length(v)) v else 0 }

reference <- function(tab, arm, ctrl = "Placebo", label = "") {
  out <- data.frame()
  for (i in seq_len(nrow(terms))) {
    bs <- terms$AEBODSYS[i]; tm <- terms$AEDECOD[i]
    a <- getn(tab, bs, tm, arm); c0 <- getn(tab, bs, tm, ctrl)
    n1 <- N[[arm]]; n0 <- N[[ctrl]]
    p <- fisher.test(matrix(c(a, c0, n1 - a, n0 - c0), 2))$p.value
    w1 <- prop.test(a, n1, correct = FALSE)$conf.int; w0 <- prop.test(c0, n0, correct = FALSE)$conf.int
    p1 <- a / n1; p0 <- c0 / n0
    rdl <- (p1 - p0) - sqrt((p1 - w1[1])^2 + (w0[2] - p0)^2)    # Newcombe (1998) method 10
    rdu <- (p1 - p0) + sqrt((w1[2] - p1)^2 + (p0 - w0[1])^2)
    if (a == 0 && c0 == 0) { rr <- NA; rrl <- NA; rru <- NA } else {
      aa <- a; cc <- c0; m1 <- n1; m0 <- n0
      if (a == 0 || c0 == 0) { aa <- a + 0.5; cc <- c0 + 0.5; m1 <- n1 + 1; m0 <- n0 + 1 }
      rr <- (aa / m1) / (cc / m0); se <- sqrt(1 / aa - 1 / m1 + 1 / cc - 1 / m0)
      rrl <- exp(log(rr) - qnorm(0.975) * se); rru <- exp(log(rr) + qnorm(0.975) * se)
    }
    eair1 <- 100 * a / (expo[[arm]] / 365.25); eair0 <- 100 * c0 / (expo[[ctrl]] / 365.25)
    out <- rbind(out, data.frame(B = bs, AE = tm, a = a, c = c0, p = p, rdl = rdl, rdu = rdu, rr = rr, rrl = rrl,
                                 rru = rru, eair1 = eair1, eair0 = eair0, stringsAsFactors = FALSE))
  }
  out$bh <- ave(out$p, out$B, FUN = function(x) p.adjust(x, "BH"))
  out
}

# Double FDR adjusted p: the smallest alpha at which c212.err.cntrl(method = "DFDR") flags the event. The
# candidates are every value at which c212's decision can change (the BH-adjusted p-values of every union of
# body systems and the adjusted representatives); c212 itself decides at each candidate. c212.BH compares
# p <= j * alpha / m, which at alpha equal to a BH-adjusted p can fail by one rounding, so c212 is asked at
# alpha * (1 + 1e-10) and the candidate alpha is reported.
dfdr.adjusted <- function(out) {
  td <- data.frame(B = out$B, AE = out$AE, p = out$p, stringsAsFactors = FALSE)
  within <- ave(td$p, td$B, FUN = function(x) p.adjust(x, "BH"))
  rep <- tapply(within, td$B, min)
  repadj <- p.adjust(rep, "BH")
  cand <- repadj
  for (t in unique(repadj)) {
    fam <- td$B %in% names(repadj)[repadj <= t]
    cand <- c(cand, p.adjust(td$p[fam], "BH"))
  }
  cand <- sort(unique(c(cand[cand <= 1], 1)))
  adj <- rep(1, nrow(td))
  done <- rep(FALSE, nrow(td))
  for (alpha in cand) {
    s <- c212.err.cntrl(td, alpha = alpha * (1 + 1e-10), method = "DFDR")
    if (!is.null(s) && nrow(s) > 0) {
      hit <- paste(td$B, td$AE) %in% paste(s$B, s$AE) & !done
      adj[hit] <- alpha; done[hit] <- TRUE
    }
  }
  adj
}

for (arm in c("Low", "High")) {
  out <- reference(cnt, arm)
  out$dfdr <- dfdr.adjusted(out)
  cat("\n==== ", arm, " vs Placebo (all grades) ====\n")
  print(out[, c("B", "AE", "a", "c")], row.names = FALSE)
  for (col in c("p", "bh", "dfdr", "rdl", "rdu", "rr", "rrl", "rru", "eair1", "eair0")) {
    cat(col, "= {", paste(sprintf("%.17g", out[[col]]), collapse = ", "), "}\n")
  }
  td <- data.frame(B = out$B, AE = out$AE, p = out$p, stringsAsFactors = FALSE)
  for (alpha in c(0.05, 0.1, 0.2)) {
    s <- c212.err.cntrl(td, alpha = alpha, method = "DFDR")
    cat("c212 DFDR flags at alpha", alpha, ":", if (is.null(s) || nrow(s) == 0) "none" else paste(s$AE, collapse = ";"), "\n")
    s <- c212.err.cntrl(td, alpha = alpha, method = "BH")
    cat("c212 BH (all events) flags at alpha", alpha, ":", if (is.null(s) || nrow(s) == 0) "none" else paste(s$AE, collapse = ";"), "\n")
  }

  # ---- Berry & Berry with c212's defaults (burnin 20000, iter 60000, 3 chains, SLICE, MH theta) ----
  trial <- rbind(data.frame(B = out$B, AE = out$AE, Group = 1, Count = out$c, Total = N[["Placebo"]]),
                 data.frame(B = out$B, AE = out$AE, Group = 2, Count = out$a, Total = N[[arm]]))
  set.seed(4242)
  fit <- invisible(capture.output(raw <- c212.BB(trial)))
  pt <- c212.ptheta(raw)
  # MC SE of P(theta > 0): sqrt(p (1 - p) / ESS) with coda's effectiveSize of the indicator over the 3 chains
  ess <- numeric(nrow(pt)); ptheta <- numeric(nrow(pt))
  for (i in seq_len(nrow(out))) {
    b <- match(out$B[i], raw$B); j <- match(out$AE[i], raw$AE[b, ])
    ind <- mcmc.list(lapply(1:3, function(ch) mcmc(as.numeric(raw$theta[ch, b, j, ] > 0))))
    ess[i] <- sum(effectiveSize(ind))
    ptheta[i] <- mean(raw$theta[, b, j, ] > 0)
  }
  pt2 <- pt$ptheta[match(paste(out$B, out$AE), paste(pt$B, pt$AE))]
  stopifnot(isTRUE(all.equal(pt2, ptheta)))
  cat("bb.ptheta = {", paste(sprintf("%.17g", ptheta), collapse = ", "), "}\n")
  cat("bb.ess = {", paste(sprintf("%.17g", ess), collapse = ", "), "}\n")
}

# ---- a minimum grade (AETOXGR >= 3) for the method test ----
cnt3 <- counts(adae, 3)
out3 <- reference(cnt3, "High")
cat("\n==== High vs Placebo, grade >= 3 ====\n")
print(out3[out3$a + out3$c > 0, c("B", "AE", "a", "c", "p")], row.names = FALSE, digits = 17)

# ---- coda diagnostics on deterministic chains (for the Convergence test) ----
ch <- lapply(1:3, function(c) { i <- 1:200; sin(i * 0.37 * c) + cos(i * i * 0.011) + 0.05 * c * (i %% 7) })
ml <- mcmc.list(lapply(ch, mcmc))
cat("\ncoda gelman.diag(autoburnin = FALSE) point =", sprintf("%.17g", gelman.diag(ml, autoburnin = FALSE)$psrf[1, 1]), "\n")
cat("coda effectiveSize(mcmc.list) =", sprintf("%.17g", effectiveSize(ml)), "\n")
cat("p.adjust(c(0.01, 0.04, 0.03, 0.2), 'BH') =", sprintf("%.17g", p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH")), "\n")
cat("fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value =", sprintf("%.17g", fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value), "\n")
cat("prop.test(0, 10, correct = FALSE)$conf.int =", sprintf("%.17g", prop.test(0, 10, correct = FALSE)$conf.int), "\n")
cat("coda effectiveSize(chain 1) =", sprintf("%.17g", effectiveSize(mcmc(ch[[1]]))), "\n")
ar1 <- ar(ch[[1]], aic = TRUE); cat("ar order chain 1 =", ar1$order, "\n")
