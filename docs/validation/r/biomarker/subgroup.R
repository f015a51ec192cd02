# References for the subgroup engines (tests/io.daybreak.methods.biomarker.tests/.../subgroup/RegressionTreeTest.java).
# R 4.2.2, rpart (recommended package shipped with R). Run: Rscript docs/validation/r/biomarker/subgroup.R
library(rpart)
options(digits = 17)
i <- 1:120
d <- data.frame(x1 = ((37 * i) %% 101) / 10, x2 = ((53 * i) %% 97) / 10, x3 = ((i * i) %% 89) / 10)
d$z <- 2 * (d$x1 > 5) + 1 * (d$x2 < 3) + ((13 * i) %% 17) / 17
cat("rpart", as.character(packageVersion("rpart")), "\n")
for (cp in c(0.01, 0.07)) {
  for (maxdepth in c(3, 1)) {
    fit <- rpart(z ~ x1 + x2 + x3, data = d, method = "anova",
                 control = rpart.control(minsplit = 20, minbucket = 7, cp = cp, maxdepth = maxdepth, xval = 0))
    cat("cp", cp, "maxdepth", maxdepth, "\n")
    fr <- fit$frame
    print(data.frame(node = rownames(fr), var = as.character(fr$var), n = fr$n, yval = fr$yval, dev = fr$dev))
    print(fit$splits[, c("count", "ncat", "improve", "index")])
    leaves <- fr$var == "<leaf>"
    cat("leaf yval:", format(fr$yval[leaves], digits = 17), "\n")
    cat("leaf n:", fr$n[leaves], "\n")
  }
}
# the primary split of each internal node (left is x < index for ncat = -1)
fit <- rpart(z ~ x1 + x2 + x3, data = d, method = "anova",
             control = rpart.control(minsplit = 20, minbucket = 7, cp = 0.01, maxdepth = 3, xval = 0))
print(fit)

# Effect within a subgroup: Welch t (continuous) and Wald risk difference (binary), on x1 >= 5.05
trt <- (i %% 3) == 0
s <- d$x1 >= 5.05
tt <- t.test(d$z[s & trt], d$z[s & !trt], var.equal = FALSE, conf.level = 0.9)
cat("welch diff", format(unname(tt$estimate[1] - tt$estimate[2]), digits = 17), "ci", format(tt$conf.int, digits = 17),
    "p", format(tt$p.value, digits = 17), "se", format(tt$stderr, digits = 17), "\n")
yb <- as.integer(((7 * i) %% 10) < ifelse(trt, 6, 4))
p1 <- mean(yb[s & trt]); p0 <- mean(yb[s & !trt]); n1 <- sum(s & trt); n0 <- sum(s & !trt)
se <- sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)
cat("wald rd", format(p1 - p0, digits = 17), "se", format(se, digits = 17), "ci95", format(p1 - p0 + c(-1, 1) * qnorm(0.975) * se, digits = 17),
    "p", format(2 * pnorm(-abs((p1 - p0) / se)), digits = 17), "n1", n1, "n0", n0, "\n")
