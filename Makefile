# hvcbench: the front door.
#
#   make            the module (kmod/hvcbench.ko) and the CLI (bench/hvcbench)
#   make run        set up, build, restore the QEMU lab from its snapshot (boot
#                   it once to make one), measure, write results;
#                   make run COLD=1 boots cold; SAMPLES=N per cell;
#                   STUBS=a,b only those stubs
#   make test       every test, by area (tests/area/): "N passed, N failed";
#                   make test T="trees lint" for some areas only
#   make check      the host part of every area (no QEMU, no slow builds)
#   make deps       install/fetch what is missing (Debian archive only)
#   make plot       plots and cover letter for results/latest (or RESULTS=dir)
#   make lint       checkpatch --strict, sparse, -Werror user space
#   make fuzz       the spec parser and result readers under libFuzzer
#   make bench-self cold and warm `make run`, and warm `make run TREES=` after
#                   an edit, timed side by side
#   make deb        Debian packages hvcbench-dkms (all) and hvcbench (armhf,
#                   cross built) in build/deb/ (scripts/build-deb)
#   make board [ARCH=arm] [OUT=dir]
#                   a Debian 12 armhf system in the lab (image built once,
#                   cached) installs those two packages, DKMS builds the
#                   module there, the packaged CLI measures: README's "On a
#                   board" steps as written (scripts/board/run); arm only
#
#   make [run] LAB_KERNEL=6.12
#                   the lab kernel to build for and boot: 6.1 (Debian 12's,
#                   the default), 6.12 (bookworm-backports), 6.1-thumb2 (a
#                   CONFIG_THUMB2_KERNEL build of Debian's 6.1 source); the
#                   module of a kernel other than 6.1 is built in
#                   build/kernel-NAME/kmod/
#
#   make [run] TREES="base=../linux-base patched=../linux"
#                   also measure each tree's arch/arm/kernel/hyp-stub.S as a
#                   stub NAME (NAME=PATH:zimage: the decompressor's copy)
#
#   make [run|test] ARCH=arm64 [EL2=stub|nvhe|protected] [CPU=cortex-a57|...]
#                   arm64 (EL2) instead: scripts/arm64.mk
#
# By default everything is built against Debian's armmp-lpae kernel headers,
# fetched into .cache/. On a board: make KDIR=/lib/modules/$(uname -r)/build

# make -n, -q or -t: a recipe line that holds $(MAKE) runs even then; such
# lines only show what they would do.
DRY_RUN     := $(strip $(foreach f,n q t,$(findstring $f,$(firstword -$(MAKEFLAGS)))))

ifeq ($(ARCH),arm64)
# arm64 (EL2): its own build and lab, see scripts/arm64.mk.
include scripts/arm64.mk
else
CACHE       := $(or $(HVCB_CACHE),$(CURDIR)/.cache)
LAB_KERNELS := $(shell awk '$$1 == "arm" { print $$2 }' lab/kernels)
LAB_KERNEL  ?= $(firstword $(LAB_KERNELS))
$(if $(filter-out 1,$(words $(LAB_KERNEL))),$(error LAB_KERNEL is one of $(LAB_KERNELS)))
$(if $(filter $(LAB_KERNEL),$(LAB_KERNELS)),,$(error LAB_KERNEL '$(LAB_KERNEL)' is not one of $(LAB_KERNELS)))
BUILD       := $(CURDIR)/build
ifeq ($(LAB_KERNEL),6.1)
DEFAULT_KDIR := $(CACHE)/kernel/build
MOD_DIR     := $(CURDIR)/kmod
else
# Another kernel's module: built from a copy of kmod/, stub/ and the
# registry's generator.
DEFAULT_KDIR := $(CACHE)/kernel-$(LAB_KERNEL)/build
MOD_DIR     := $(BUILD)/kernel-$(LAB_KERNEL)/kmod
endif
KDIR        ?= $(DEFAULT_KDIR)
ifeq ($(KDIR),$(DEFAULT_KDIR))
CROSS_COMPILE ?= arm-linux-gnueabihf-
endif
ARCH        ?= arm
HOSTCC      ?= cc
TARGET_CC   := $(CROSS_COMPILE)gcc
CFLAGS_USER := -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror \
	       -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
# Where tree-stub writes (kmod/Kbuild links ../build/trees/ when it is there).
TREE_DIR    := $(abspath $(MOD_DIR)/../build/trees)

# Tree stubs (TREES=): scripts/trees.mk.
TREES       ?=
# `make run` takes build/run.lock and runs itself again under it (below).
RUN_OUTER   := $(if $(filter run,$(MAKECMDGOALS)),$(if $(HVCB_RUN_LOCKED),,1))
# Goals that build nothing of the module (deb and board package the
# checkout's files; host and cli are the CLIs).
NO_BUILD    := deb board plot fuzz bench-self host cli
TREE_ARCH   := arm
TREE_SETUP  := $(if $(filter $(DEFAULT_KDIR),$(KDIR)),scripts/setup-deps --kernel $(LAB_KERNEL),true)
include scripts/trees.mk

# The CLI: bench/main.c (the verbs) and one folder per job: results/
# (result files, statistics), report/ (tables, letters, plot data, boards),
# lava/ (LAVA import), module/ (talking to the module).
CLI_DIRS    := results report lava module
CLI_SRC     := bench/main.c $(foreach d,$(CLI_DIRS),$(wildcard bench/$(d)/*.c))
CLI_HDR     := $(foreach d,$(CLI_DIRS),$(wildcard bench/$(d)/*.h)) kmod/spec.h kmod/facts.h
CFLAGS_USER += $(addprefix -Ibench/,$(CLI_DIRS))
MOD_FILES   := $(filter-out %.mod.c,$(wildcard kmod/*.c kmod/*.h \
		 kmod/arch/*/*.[chS])) kmod/Kbuild
STUB_FILES  := $(wildcard stub/*/*.S stub/*/*.h) stub/registry
MOD_SRC     := $(MOD_FILES) $(STUB_FILES) scripts/stub-registry \
	       $(wildcard $(TREE_DIR)/trees.S $(TREE_DIR)/trees.reg)

.PHONY: all deps module cli host run test check plot lint \
	fuzz bench-self deb board clean

all: module cli host

deps:
	@scripts/setup-deps

# Set-up runs by itself when the default kernel tree is missing.
$(DEFAULT_KDIR)/Makefile:
	@scripts/setup-deps --kernel $(LAB_KERNEL)

module: $(MOD_DIR)/hvcbench.ko

# Kbuild runs scripts/stub-registry with $(PYTHON3): Debian's own python3
# where there is one (not a shim in front of it on PATH).
PYTHON3     ?= $(or $(wildcard /usr/bin/python3),python3)
# The lab's module builds go through ccache where it is installed (make
# deps), its cache in CACHE: kbuild runs some 25 compiler probes on every
# invocation, each then a look-up. Depend mode (the compiler's own -MMD
# list): a miss costs no second preprocessing (a cold build +50 % else).
# Debian's headers pin their compiler and have a switch for it; a kernel
# built here (6.1-thumb2) takes CC. Not for another KDIR (a board's).
ifeq ($(KDIR),$(DEFAULT_KDIR))
ifneq ($(shell command -v ccache),)
KBUILD_CCACHE := $(if $(wildcard $(KDIR)/.kernelvariables),DEBIAN_KERNEL_USE_CCACHE=1,CC='ccache $(CROSS_COMPILE)gcc')
endif
endif

KBUILD_ARGS := ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) $(KBUILD_CCACHE) PYTHON3=$(PYTHON3)

# After an edit of a tree stub (TREES=), kbuild's recorded commands relink
# the module without kbuild's second of set-up (scripts/kbuild-replay);
# any other change, or any doubt, goes to kbuild. make -n only shows this:
# kbuild under -n still relinks hvcbench.ko (a `+` rule), from objects it
# did not rebuild, and the next make would take that for up to date.
KBUILD_CMD  := export CCACHE_DIR=$(CACHE)/ccache CCACHE_DEPEND=1; \
	scripts/kbuild-replay replay $(MOD_DIR) $(KDIR) -- $(KBUILD_ARGS) || { \
	rm -f $(MOD_DIR)/.hvcb-kbuild-key $(MOD_DIR)/.hvcb-kbuild-replay.log && \
	$(MAKE) -s -C $(KDIR) M=$(MOD_DIR) $(KBUILD_ARGS) modules && \
	scripts/kbuild-replay record $(MOD_DIR) $(KDIR) -- $(KBUILD_ARGS); }

$(MOD_DIR)/hvcbench.ko: $(MOD_SRC) | $(KDIR)/Makefile
ifneq ($(MOD_DIR),$(CURDIR)/kmod)
	@mkdir -p $(MOD_DIR)
	@cp -p --parents $(MOD_FILES) $(STUB_FILES) scripts/stub-registry \
		$(MOD_DIR)/..
endif
ifeq ($(DRY_RUN),)
	+$(KBUILD_CMD)
else
	@echo '$(subst ','\'',$(KBUILD_CMD))'
endif

# The CLI: static, for the board and the lab's initramfs.
cli: bench/hvcbench

bench/hvcbench: $(CLI_SRC) $(CLI_HDR) | $(KDIR)/Makefile
	$(TARGET_CC) $(CFLAGS_USER) -static -o $@ $(CLI_SRC) -lyaml -lm

# The same CLI for the host, for unit tests.
host: $(BUILD)/host/hvcbench

$(BUILD)/host/hvcbench: $(CLI_SRC) $(CLI_HDR)
	@mkdir -p $(@D)
	$(HOSTCC) $(CFLAGS_USER) -o $@ $(CLI_SRC) -lyaml -lm

ifeq ($(RUN_OUTER),1)
run:
	@mkdir -p $(BUILD)
	@{ flock -n 9 || { echo "run: another make run of this checkout is under way: waiting for it" >&2; \
		flock 9; }; $(MAKE) --no-print-directory run HVCB_RUN_LOCKED=1; } 9>$(BUILD)/run.lock
else
# Set-up first; lab-run builds (make all) while the lab restores. The line
# holds $(MAKE), so make -n, -q or -t would run it: then it is only shown.
run: | $(KDIR)/Makefile
	@$(if $(DRY_RUN),echo) HVCB_MAKE='$(MAKE)' LAB_KERNEL=$(LAB_KERNEL) COLD=$(COLD) scripts/lab-run
endif

test: all
	@tests/run $(T)

check: all
	@tests/run --host-only $(T)

plot:
	@scripts/plot $(or $(RESULTS),results/latest)
	@scripts/cover-letter $(or $(RESULTS),results/latest) \
		>$(or $(RESULTS),results/latest)/cover-letter.txt

lint: all
	@scripts/lint

fuzz:
	@scripts/fuzz $(or $(FUZZ_RUNS),1000000)

bench-self:
	@scripts/bench-self

# Debian packages (debian/, dkms.conf) into build/deb/; `make clean` removes them.
deb:
	@scripts/build-deb

# The owner's path on a Debian board in the lab, with the packages just built.
# ARCH is checked before the packages are built.
board:
	@scripts/board/run --arch '$(ARCH)' --check
	@$(MAKE) -s deb
	@scripts/board/run --arch '$(ARCH)' $(if $(OUT),--out '$(OUT)')

clean:
	-$(MAKE) -s -C $(KDIR) M=$(CURDIR)/kmod ARCH=$(ARCH) clean 2>/dev/null
	rm -f stub/*/*.o stub/*/.*.cmd bench/hvcbench
	rm -rf kmod/gen kmod/.hvcb-kbuild-key kmod/.hvcb-kbuild-replay.log
	rm -rf $(BUILD)
endif
