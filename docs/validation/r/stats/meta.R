# Meta-analysis of per-site Cox fits (the labelled alternative to exact federation): inverse-variance fixed
# effect and DerSimonian-Laird random effects per coefficient, by the textbook formulas (as metafor's
# rma(method = "FE") and rma(method = "DL")). Run: Rscript meta.R
suppressMessages(library(survival)); options(digits = 15)
data <- Sys.getenv("DAYBREAK_DATA", "../../../../../shared/data")
lung <- read.csv(file.path(data, "survival_lung.csv")); lung$site <- ifelse(is.na(lung$inst), 0, lung$inst %% 3)
fits <- lapply(split(lung, lung$site), function(d) coxph(Surv(time, status) ~ age + sex, d,
  control = coxph.control(eps = 1e-14, toler.chol = 1e-15, iter.max = 100)))
b <- sapply(fits, coef); se <- sapply(fits, function(f) sqrt(diag(vcov(f))))
for (j in 1:2) {
  w <- 1 / se[j, ]^2; fe <- sum(w * b[j, ]) / sum(w); q <- sum(w * (b[j, ] - fe)^2); k <- ncol(b)
  tau2 <- max(0, (q - (k - 1)) / (sum(w) - sum(w^2) / sum(w))); wr <- 1 / (se[j, ]^2 + tau2)
  cat(rownames(b)[j], "FE", fe, sqrt(1 / sum(w)), "Q", q, "DL", sum(wr * b[j, ]) / sum(wr), sqrt(1 / sum(wr)), "tau2", tau2, "\n")
}
