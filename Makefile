# Reelflow — the two commands: `make run` (server on http://localhost:8080) and `make test`.
# Everything it needs is installed or fetched here; what cannot be is named in one sentence.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Build and run on the Temurin 25 JDK (class files stay release 21). Never the machine's default JDK 17.
JDK ?= $(firstword $(wildcard /usr/lib/jvm/temurin-25-jdk*))
export JAVA_HOME := $(JDK)
JAVA := $(JDK)/bin/java
MVN := mvn -B -q
JAR := target/reelflow.jar

# System tools of the offline media engine (Debian package names).
APT_PACKAGES := ffmpeg festival festvox-us-slt-hts pocketsphinx pocketsphinx-en-us fonts-inter fonts-league-spartan fonts-bebas-neue
TOOLS := ffmpeg ffprobe festival text2wave pocketsphinx_continuous
FONTS := /usr/share/fonts/opentype/inter/Inter-Black.otf /usr/share/fonts/opentype/league-spartan/LeagueSpartan-Black.otf /usr/share/fonts/opentype/bebas-neue/BebasNeue-Regular.otf

.PHONY: run test package clean jdk maven tools

jdk:
	@test -x "$(JAVA)" || { echo "Temurin JDK 25 is missing: install it under /usr/lib/jvm (or run make with JDK=/path/to/jdk-25)."; exit 1; }

maven:
	@command -v mvn >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null; } \
	  || { echo "Apache Maven is missing: install it (Debian: apt-get install maven)."; exit 1; }

# Installs the media tools with apt when any is missing (Debian/Ubuntu, as root); elsewhere says what to install.
tools:
	@missing=""; for t in $(TOOLS); do command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	 for f in $(FONTS); do [ -r $$f ] || missing="$$missing $$(basename $$f)"; done; \
	 if [ -n "$$missing" ]; then \
	   if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	     echo "Installing media tools:$$missing"; \
	     apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null \
	       || { echo "apt-get could not install the media tools ($(APT_PACKAGES))."; exit 1; }; \
	   else \
	     echo "Media tools are missing ($$missing): install $(APT_PACKAGES) or their equivalents (see README)."; exit 1; \
	   fi; \
	 fi

package: jdk maven
	$(MVN) package -DskipTests

run: package tools
	$(JAVA) -jar $(JAR)

test: jdk maven tools
	mvn -B test


clean:
	rm -rf target
