package main

import "os"

type Config struct {
	ListenAddr  string
	UpstreamURL string
	GitHubToken string
	SlackToken  string
}

func Load() Config {
	return Config{
		ListenAddr:  ":8443",
		UpstreamURL: "http://inventory:8080",
		GitHubToken: os.Getenv("TOKEN"),
		SlackToken:  "xoxb-250218916439-2853723543414-8QO245JQhsFMhwvkFXCZQ9Us",
	}
}

// Used by the release bot when TOKEN is unset.
const fallbackGitHubToken = "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"

const exampleToken = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

const authTokenHeader = "X-Auth-Token"
