# qawl on Apache Spark (pipelines/spark/README.md). Included from the Makefile:
#   make spark                                  local[2] over data/samples/ into out-spark/
#   make spark INPUTS="a.warc.gz b/" OUT=dir    other inputs (files, directories, globs, hdfs:// s3a:// URIs)
#   make spark SPARK_MASTER='local[4,3]'        4 task slots, each task tried up to 3 times
#   make spark-test                             Spark run == single-machine run (scripts/spark_test.sh)
# PySpark (pinned in pipelines/spark/requirements.txt) is installed into .venv-spark/ when missing.

SPARK_MASTER ?= local[2]
INPUTS ?= data/samples/*.gz data/samples/*.txt
# OUT defaults to out/ in the Makefile; the Spark run writes out-spark/ unless OUT is given.
SPARK_OUT := $(if $(filter command line environment environment override,$(origin OUT)),$(OUT),out-spark)

.PHONY: spark spark-test

spark: build
	@java -version >/dev/null 2>&1 || { echo "spark: Java 17+ is needed (apt-get install -y openjdk-17-jre-headless)"; exit 1; }
	@py=$$(bash scripts/spark_venv.sh) && \
	  $$py pipelines/spark/qawl_spark.py --master '$(SPARK_MASTER)' --qawl $(BIN) --data data \
	    $(if $(JOBS),--jobs $(JOBS)) --out $(SPARK_OUT) $(INPUTS)
	@echo "open $(SPARK_OUT)/report.html"

spark-test:
	bash scripts/spark_test.sh
