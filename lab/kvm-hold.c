// SPDX-License-Identifier: GPL-2.0
/*
 * kvm-hold: run a command while a KVM VM exists.
 *
 *   kvm-hold COMMAND [ARG]...
 *
 * Linux 6.1's non-protected nVHE KVM puts the hyp stub back after its
 * initialisation and installs its host vectors at EL2 only while a VM
 * exists. To measure KVM's host-call path, the arm64 lab runs hvcbench
 * under this: /dev/kvm is opened, KVM_CREATE_VM made, the command run,
 * and the VM closed when it ends. The exit status is the command's (127
 * when it cannot be run); without KVM, one line on stderr and exit 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int kvm, vm, status;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: kvm-hold COMMAND [ARG]...\n");
		return 2;
	}
	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0) {
		fprintf(stderr, "kvm-hold: /dev/kvm: %s (is KVM in nVHE or protected mode?)\n",
			strerror(errno));
		return 2;
	}
	vm = ioctl(kvm, KVM_CREATE_VM, 0UL);
	if (vm < 0) {
		fprintf(stderr, "kvm-hold: KVM_CREATE_VM: %s\n", strerror(errno));
		return 2;
	}
	fcntl(vm, F_SETFD, FD_CLOEXEC);
	fprintf(stderr, "kvm-hold: a VM exists while '%s' runs\n", argv[1]);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "kvm-hold: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		fprintf(stderr, "kvm-hold: %s: %s\n", argv[1], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "kvm-hold: waitpid: %s\n", strerror(errno));
			return 2;
		}
	}
	close(vm);
	close(kvm);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}
