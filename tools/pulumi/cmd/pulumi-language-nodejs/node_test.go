package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func nodeBinary(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("these tests run node: %v", err)
	}
	return bin
}

// Node's own resolution from the program's folder: a package installed in a folder above is found.
func TestLocateModuleResolvesFromTheProgramFolder(t *testing.T) {
	node := nodeBinary(t)
	root := t.TempDir()
	entry := filepath.Join(root, "node_modules", "@pulumi", "pulumi", "cmd", "run")
	if err := os.MkdirAll(entry, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(entry, "index.js"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	program := filepath.Join(root, "examples", "stack")
	if err := os.MkdirAll(program, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := locateModule(context.Background(), node, "@pulumi/pulumi/cmd/run", program, "pulumi install")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(entry, "index.js"); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}

	_, err = locateModule(context.Background(), node, "@pulumi/pulumi/cmd/run", t.TempDir(), "pulumi install")
	if err == nil || !strings.Contains(err.Error(), "Have you run pulumi install?") {
		t.Fatalf("not installed: got %v", err)
	}
}

// A cancelled program gets SIGINT and may finish its own work within the grace period.
func TestNodeCommandInterruptsFirst(t *testing.T) {
	node := nodeBinary(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := nodeCommand(ctx, node, []string{"-e",
		`process.on("SIGINT", () => { console.log("interrupted"); process.exit(0); }); console.log("ready"); setInterval(() => {}, 1000);`})
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := stdout.Read(buf); err != nil || string(buf) != "ready\n" {
		t.Fatalf("got %q, %v", buf, err)
	}
	started := time.Now()
	cancel()
	rest := make([]byte, 64)
	n, _ := stdout.Read(rest)
	_ = cmd.Wait()
	if got := string(rest[:n]); got != "interrupted\n" {
		t.Fatalf("the program did not see SIGINT: printed %q", got)
	}
	if time.Since(started) >= gracePeriod {
		t.Fatalf("took the whole grace period: %v", time.Since(started))
	}
}

// A program that ignores SIGINT is killed once the grace period is over.
func TestNodeCommandKillsAfterTheGracePeriod(t *testing.T) {
	node := nodeBinary(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := nodeCommand(ctx, node, []string{"-e",
		`process.on("SIGINT", () => {}); console.log("ready"); setInterval(() => {}, 1000);`})
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	_, _ = stdout.Read(buf)
	cancel()
	err := cmd.Wait()
	if err == nil || cmd.ProcessState.Exited() {
		t.Fatalf("want the process killed by a signal, got %v (%v)", err, cmd.ProcessState)
	}
}
