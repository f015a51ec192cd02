# Reference values for issue 15 (causal.effect parity with the usual conventions) on the VA lung cancer trial
# (survival_veteran.csv): outcome models fitted per arm (separate) and with a common treatment term, g-computation,
# AIPW and TMLE with influence-function SEs sd(IF)/sqrt(n) (divisor n - 1), Hajek IPTW with sandwich::vcovHC
# HC3 and HC0 SEs of lm(Y ~ A, weights = w), Horvitz-Thompson IPTW, and the ATC.
# R 4.2.2; sandwich 3.1-1 installed from github:cran/sandwich (with zoo 1.8-14) into /work/rlib-causal.
# Run (from this folder): R_LIBS=/work/rlib-causal Rscript parity.R [path/to/survival_veteran.csv] > parity.out
# Definitions as causal.R: A = (trt == 2); covariates age, karno, diagtime, prior10 = (prior == 10);
# Y = (time <= 100 & status == 1); Ylog = log(time). glm at epsilon 1e-14.
suppressMessages(library(sandwich))
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "../../../../../shared/data/survival_veteran.csv"
d <- read.csv(path)
f15 <- function(x) ifelse(is.na(x), "NA", sprintf("%.15g", x))
out <- function(label, x) {
  v <- f15(x)
  if (!is.null(names(x))) v <- paste0(names(x), "=", v)
  cat(label, ": ", paste(v, collapse = " "), "\n", sep = "")
}
sec <- function(s) cat("\n== ", s, "\n", sep = "")
cat("R ", R.version$major, ".", R.version$minor, "; sandwich ", as.character(packageVersion("sandwich")),
    "; zoo ", as.character(packageVersion("zoo")), "\n", sep = "")
d$A <- as.integer(d$trt == 2)
d$prior10 <- as.integer(d$prior == 10)
d$Y <- as.integer(d$time <= 100 & d$status == 1)
d$Ylog <- log(d$time)
A <- d$A; n <- nrow(d); t1 <- A == 1; t0 <- A == 0
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
psm <- glm(A ~ age + karno + diagtime + prior10, binomial, d, control = ctl)
e <- unname(fitted(psm))
W <- list(ATE = ifelse(t1, 1 / e, 1 / (1 - e)), ATT = ifelse(t1, 1, e / (1 - e)),
          ATC = ifelse(t1, (1 - e) / e, 1), ATO = ifelse(t1, 1 - e, e))
P <- list(ATE = rep(1, n), ATT = A, ATC = 1 - A, ATO = e * (1 - e))   # target population weights
rx <- "age + karno + diagtime + prior10"
seIF <- function(IF) sd(IF) / sqrt(n)                                    # divisor n - 1

# ---- 1. Outcome models, g-computation with its influence function ------------------------------------------
# IF of the coefficients of a glm on rows S (canonical link): n (X'WX)^-1 x_i (y_i - mu_i), 0 outside S;
# (X'WX)^-1 = summary(fit)$cov.unscaled. g-computation: phi_a,i = n pi_i (m_a,i - mu_a)/sum(pi)
# + (n/sum(pi)) sum_j pi_j dmu/deta(m_a,j) x_a,j' IFbeta_i.
ifbeta <- function(fit, rows) {
  X <- model.matrix(fit); r <- unname(y_of(fit) - fitted(fit))
  B <- X * r
  full <- matrix(0, n, ncol(X)); full[rows, ] <- n * B %*% summary(fit)$cov.unscaled
  full
}
y_of <- function(fit) fit$y
models <- function(yname, family, separate) {
  y <- d[[yname]]
  fam <- if (family == "binomial") binomial() else gaussian()
  d1 <- d; d1$A <- 1; d0 <- d; d0$A <- 0
  if (separate) {
    fo <- as.formula(paste(yname, "~", rx))
    f1 <- glm(fo, fam, d[t1, ], control = ctl); f0 <- glm(fo, fam, d[t0, ], control = ctl)
    m1 <- unname(predict(f1, d, type = "response")); m0 <- unname(predict(f0, d, type = "response"))
    X <- model.matrix(as.formula(paste("~", rx)), d)
    G1 <- cbind(X, 0 * X); G0 <- cbind(0 * X, X)                        # d eta / d theta, theta = (b1, b0)
    IFb <- cbind(ifbeta(f1, which(t1)), ifbeta(f0, which(t0)))
    list(m1 = m1, m0 = m0, G1 = G1, G0 = G0, IFb = IFb, coef = c(coef(f1), coef(f0)))
  } else {
    fo <- as.formula(paste(yname, "~ A +", rx))
    f <- glm(fo, fam, d, control = ctl)
    m1 <- unname(predict(f, d1, type = "response")); m0 <- unname(predict(f, d0, type = "response"))
    G1 <- model.matrix(as.formula(paste("~ A +", rx)), d1); G0 <- model.matrix(as.formula(paste("~ A +", rx)), d0)
    list(m1 = m1, m0 = m0, G1 = G1, G0 = G0, IFb = ifbeta(f, seq_len(n)), coef = coef(f))
  }
}
slope <- function(m, family) if (family == "binomial") m * (1 - m) else rep(1, length(m))
gcomp <- function(M, family, pi) {
  s <- sum(pi)
  mu1 <- sum(pi * M$m1) / s; mu0 <- sum(pi * M$m0) / s
  d1 <- colSums(pi * slope(M$m1, family) * M$G1) / s; d0 <- colSums(pi * slope(M$m0, family) * M$G0) / s
  phi1 <- n * pi * (M$m1 - mu1) / s + M$IFb %*% d1
  phi0 <- n * pi * (M$m0 - mu0) / s + M$IFb %*% d0
  list(mu1 = mu1, mu0 = mu0, phi1 = drop(phi1), phi0 = drop(phi0))
}
aipw <- function(M, y) {
  p1 <- M$m1 + A * (y - M$m1) / e; p0 <- M$m0 + (1 - A) * (y - M$m0) / (1 - e)
  list(mu1 = mean(p1), mu0 = mean(p0), phi1 = p1 - mean(p1), phi0 = p0 - mean(p0))
}
tmle <- function(M, y) {
  QA <- ifelse(A == 1, M$m1, M$m0); H <- A / e - (1 - A) / (1 - e)
  flu <- glm(Y ~ -1 + H + offset(qlogis(QA)), binomial, data.frame(Y = y, H = H, QA = QA), control = ctl)
  eps <- unname(coef(flu))
  Q1 <- plogis(qlogis(M$m1) + eps / e); Q0 <- plogis(qlogis(M$m0) - eps / (1 - e))
  p1 <- Q1 + A * (y - Q1) / e; p0 <- Q0 + (1 - A) * (y - Q0) / (1 - e)
  list(mu1 = mean(Q1), mu0 = mean(Q0), phi1 = p1 - mean(p1), phi0 = p0 - mean(p0))
}
report <- function(label, r, binary) {
  IF <- r$phi1 - r$phi0
  out(paste(label, "mu1 mu0 diff SE[n-1]"), c(r$mu1, r$mu0, r$mu1 - r$mu0, seIF(IF)))
  if (binary) {
    lrr <- r$phi1 / r$mu1 - r$phi0 / r$mu0
    lor <- r$phi1 / (r$mu1 * (1 - r$mu1)) - r$phi0 / (r$mu0 * (1 - r$mu0))
    out(paste(label, "RR SE(logRR)[n-1] OR SE(logOR)[n-1]"),
        c(r$mu1 / r$mu0, seIF(lrr), r$mu1 / (1 - r$mu1) / (r$mu0 / (1 - r$mu0)), seIF(lor)))
  }
}
for (spec in list(c("Y", "binomial"), c("Ylog", "gaussian"))) {
  yname <- spec[1]; family <- spec[2]; y <- d[[yname]]; binary <- family == "binomial"
  for (separate in c(TRUE, FALSE)) {
    model <- if (separate) "separate" else "common"
    sec(paste(yname, "outcome model", model))
    M <- models(yname, family, separate)
    out(paste(yname, model, "coefficients (separate: treated then control)"), M$coef)
    for (est in c("ATE", "ATT", "ATC", "ATO")) report(paste(yname, model, "gcomp", est), gcomp(M, family, P[[est]]),
                                                      binary)
    report(paste(yname, model, "aipw ATE"), aipw(M, y), binary)
    if (binary) report(paste(yname, model, "tmle ATE"), tmle(M, y), binary)
  }
}

# ---- 2. IPTW: Hajek with sandwich::vcovHC of the weighted lm; Horvitz-Thompson ----------------------------
# Hajek = coef of A in lm(y ~ A, weights = w); mu0 = intercept, mu1 = intercept + A. RR and OR SEs by the delta
# method from the same vcov: grad log(mu1/mu0) wrt (b0, bA) = (1/mu1 - 1/mu0, 1/mu1), log OR likewise.
# Horvitz-Thompson: mu1 = sum(A w y)/N, mu0 = sum((1-A) w y)/N, N = sum(pi) (ATE n, ATT n1, ATC n0);
# IF phi1_i = n (A_i w_i y_i - mu1 pi_i)/N, SE sd(IF)/sqrt(n).
for (spec in list(c("Y", "binomial"), c("Ylog", "gaussian"))) {
  yname <- spec[1]; y <- d[[yname]]; binary <- spec[2] == "binomial"
  sec(paste(yname, "IPTW"))
  for (est in c("ATE", "ATT", "ATC", "ATO")) {
    w <- W[[est]]
    fit <- lm(y ~ A, weights = w)
    b <- unname(coef(fit)); mu0 <- b[1]; mu1 <- b[1] + b[2]
    for (type in c("HC3", "HC0")) {
      V <- vcovHC(fit, type = type)
      line <- c(mu1, mu0, b[2], sqrt(V[2, 2]))
      if (binary) {
        g <- c(1 / mu1 - 1 / mu0, 1 / mu1)
        h <- c(1 / (mu1 * (1 - mu1)) - 1 / (mu0 * (1 - mu0)), 1 / (mu1 * (1 - mu1)))
        line <- c(line, mu1 / mu0, sqrt(drop(t(g) %*% V %*% g)), mu1 / (1 - mu1) / (mu0 / (1 - mu0)),
                  sqrt(drop(t(h) %*% V %*% h)))
      }
      out(paste(yname, "hajek", est, type, "mu1 mu0 diff SE", if (binary) "RR SE(logRR) OR SE(logOR)"), line)
    }
    if (est != "ATO") {
      N <- sum(P[[est]])
      mu1 <- sum(A * w * y) / N; mu0 <- sum((1 - A) * w * y) / N
      r <- list(mu1 = mu1, mu0 = mu0, phi1 = n * (A * w * y - mu1 * P[[est]]) / N,
                phi0 = n * ((1 - A) * w * y - mu0 * P[[est]]) / N)
      report(paste(yname, "horvitz-thompson", est), r, binary)
    }
  }
}

# ---- 3. ATC weights and balance (cobalt's convention for the ATC: the controls' unweighted SD; prior10 raw) -----
sec("ATC weights and balance")
w <- W$ATC
ess <- function(v) sum(v)^2 / sum(v^2)
out("ATC ESS treated, controls", c(ess(w[t1]), ess(w[t0])))
out("ATC weight range treated", range(w[t1]))
wm <- function(x, v) sum(v * x) / sum(v)
for (v in c("age", "karno", "diagtime", "prior10")) {
  x <- d[[v]]
  den <- if (v == "prior10") 1 else sd(x[t0])
  out(paste("ATC balance", v, "before after"), c((mean(x[t1]) - mean(x[t0])) / den,
                                                 (wm(x[t1], w[t1]) - wm(x[t0], w[t0])) / den))
}
