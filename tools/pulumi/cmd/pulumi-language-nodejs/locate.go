package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// findSDKEntry finds `node_modules/@pulumi/pulumi/<entry>` from dir upwards, the way Node resolves
// a package: the program runs with the @pulumi/pulumi that it installed, never another copy.
func findSDKEntry(dir, entry string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for current := abs; ; current = filepath.Dir(current) {
		candidate := filepath.Join(current, "node_modules", "@pulumi", "pulumi", entry)
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
		if parent := filepath.Dir(current); parent == current {
			break
		}
	}
	return "", fmt.Errorf(
		"could not find @pulumi/pulumi/%s in a node_modules folder at or above %s: "+
			"run `npm install` (or `npm ci`) in the program's folder first", entry, abs)
}
