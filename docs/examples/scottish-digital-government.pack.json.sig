{
  "publicKey": "0hqz7GGLo80gStpAeU/fmcYGHXtRnmLQJQGG6Nfcb5s=",
  "signature": "5VA+MappcCf+pmClt/Or9lHD/pl5f5laqOTCWdFH9dqmHvuuViaBdQkPcZhWt4YoiQV6Nt8vI16OGIFQZVM/Bg=="
}
