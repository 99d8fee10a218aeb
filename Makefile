# Lambda packaging for `sam build` (template.yaml: Metadata: BuildMethod: makefile).
#
# sam build copies a function's CodeUri (the project root) to a scratch directory and runs
# `make build-<LogicalId>` there with ARTIFACTS_DIR set. Each target builds only its function's
# module (and what it depends on) with the Maven reactor, then lays out the Lambda artifact:
#
#   $(ARTIFACTS_DIR)/nhssm/...   the module's classes and resources (target/classes/*)
#   $(ARTIFACTS_DIR)/lib/*.jar   its runtime dependencies (copied to target/lib at package)
#
# Adding a function takes two lines: `build-<LogicalId>: preflight` and
# `<TAB>$(call lambda_build,functions/<module>)`.
#
# `make layout MODULE=functions/collect ARTIFACTS_DIR=dir` lays out a module that Maven has
# already packaged, without running Maven (for tests of the artifact).

MVN ?= mvn
MVN_ARGS ?= -B -q -DskipTests
# The java that Maven will run on: JAVA_HOME's if set, else the one on PATH.
JAVA ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/java,java)
MIN_JAVA := 21

.PHONY: build-CollectFunction build-AggregateFunction build-ReportFunction layout preflight check-artifacts-dir check-java

build-CollectFunction: preflight
	$(call lambda_build,functions/collect)

build-AggregateFunction: preflight
	$(call lambda_build,functions/aggregate)

build-ReportFunction: preflight
	$(call lambda_build,functions/report)

# $(call lambda_build,<module dir>): package the module with the reactor, then lay it out.
# target/lib is removed first so that a dependency dropped from the pom cannot linger in lib/.
define lambda_build
	rm -rf "$(1)/target/lib"
	$(MVN) $(MVN_ARGS) -pl $(1) -am package
	$(call lambda_layout,$(1))
endef

# $(call lambda_layout,<module dir>): classes at the root of ARTIFACTS_DIR, runtime jars in lib/.
define lambda_layout
	@test -d "$(1)/target/classes" || { echo "error: $(1)/target/classes is missing; package the module first" >&2; exit 1; }
	@test -d "$(1)/target/lib" || { echo "error: $(1)/target/lib is missing; the module must copy its runtime dependencies there at package" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R "$(1)/target/classes/." "$(ARTIFACTS_DIR)/"
	cp -R "$(1)/target/lib/." "$(ARTIFACTS_DIR)/lib/"
endef

layout: check-artifacts-dir
	$(if $(MODULE),,$(error MODULE is not set: use `make layout MODULE=functions/<module> ARTIFACTS_DIR=<dir>`))
	$(call lambda_layout,$(MODULE))

preflight: check-artifacts-dir check-java

check-artifacts-dir:
	$(if $(ARTIFACTS_DIR),,$(error ARTIFACTS_DIR is not set: sam build sets it; by hand use `make $(or $(firstword $(MAKECMDGOALS)),build-CollectFunction) ARTIFACTS_DIR=<dir>`))
	@:

check-java:
	@version=$$("$(JAVA)" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1); \
	major=$$(echo "$$version" | sed -E 's/^1\.//; s/^([0-9]+).*/\1/'); \
	case "$$major" in ''|*[!0-9]*) \
	  echo "error: cannot run '$(JAVA) -version'. nhssm needs a JDK $(MIN_JAVA) or newer: set JAVA_HOME to one." >&2; exit 1;; \
	esac; \
	if [ "$$major" -lt $(MIN_JAVA) ]; then \
	  echo "error: '$(JAVA)' is Java $$version; nhssm needs a JDK $(MIN_JAVA) or newer: set JAVA_HOME to one (for example export JAVA_HOME=/usr/lib/jvm/<jdk-21+>)." >&2; \
	  exit 1; \
	fi
