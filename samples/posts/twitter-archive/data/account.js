window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "analyst@example.org",
      "createdVia" : "web",
      "username" : "kuweires_archive",
      "accountId" : "1099887766554433221",
      "createdAt" : "2019-02-25T08:14:33.000Z",
      "accountDisplayName" : "أرشيف كويرس"
    }
  }
]
