# tumgr's own model selections on its sample data (issue 15, twin.tgi-fit timeOrigin=tumgr).
# R 4.2.2; tumgr 0.0.4 and minpack.lm 1.2-4 installed from github:cran/tumgr and github:cran/minpack.lm into
# /work/rlib-causal. Writes tumgr's sampleData to the twin tests' resources as tumgr_sample.csv (name, date, size).
# Run (from this folder): R_LIBS=/work/rlib-causal Rscript tumgr.R > tumgr.out
suppressMessages(library(tumgr))
cat("R ", R.version$major, ".", R.version$minor, "; tumgr ", as.character(packageVersion("tumgr")),
    "; minpack.lm ", as.character(packageVersion("minpack.lm")), "\n", sep = "")
data(sampleData)
write.csv(sampleData[, c("name", "date", "size")], "../../../../tests/io.daybreak.methods.twin.tests/resources/tumgr_sample.csv",
          row.names = FALSE)
cat("rows", nrow(sampleData), "patients", length(unique(sampleData$name)), "\n")
set.seed(1)
r <- gdrate(sampleData, 0.05, FALSE)
cat("\n== models (gdrate(sampleData, 0.05, FALSE)$models)\n")
print(r$models)
cat("\n== results: name N type selectedFit g d phi\n")
res <- r$results[order(r$results$name), ]
for (i in seq_len(nrow(res))) {
  cat(res$name[i], res$N[i], as.character(res$type[i]), as.character(res$selectedFit[i]),
      sprintf("%.10g", res$g[i]), sprintf("%.10g", res$d[i]), sprintf("%.10g", res$phi[i]), "\n")
}
# The selected fit's raw estimates (r$allest rows whose fit is the selected one): tumgr's gdphi is
# f = (1 - p) exp(gt t) + p exp(-dt t), so p = 1 - phi of twin.tgi-fit (whose phi is the growing fraction), and
# $results reports g * sqrt(1 - p) for gdphi; the raw values are compared.
cat("\n== selected estimates: name fit parameter estimate stderror pvalue\n")
a <- r$allest[r$allest$selected == r$allest$fit, ]
a <- a[order(a$name, a$parameter), ]
for (i in seq_len(nrow(a))) {
  cat(a$name[i], as.character(a$fit[i]), as.character(a$parameter[i]), sprintf("%.12g", a$Estimate[i]),
      sprintf("%.12g", a$StdError[i]), sprintf("%.12g", a$p.value[i]), "\n")
}
