provider "datadog" {
  api_key = "61f5d9a3297470caba247a6a226d0296"
  api_url = "https://api.datadoghq.eu/"
}

resource "datadog_monitor" "queue_depth" {
  name    = "orders queue depth"
  type    = "metric alert"
  query   = "avg(last_5m):avg:rabbitmq.queue.messages{queue:orders} > 1000"
  message = "Queue backing up @slack-platform"
}
