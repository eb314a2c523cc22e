// The Theme module: see ThemeLoader.swift (in progress).
