window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1199332211009988776" ], "editableUntil" : "2019-11-26T16:05:10.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ { "text" : "كويرس", "indices" : [ "30", "36" ] } ],
        "media" : [ { "expanded_url" : "https://twitter.com/kuweires_archive/status/1199332211009988776/photo/1", "indices" : [ "37", "60" ], "url" : "https://t.co/Ab3dEf9GhI", "media_url" : "http://pbs.twimg.com/media/kuweires-flag.png", "id_str" : "1199332200112233445", "id" : "1199332200112233445", "media_url_https" : "https://pbs.twimg.com/media/kuweires-flag.png", "type" : "photo", "display_url" : "pic.twitter.com/Ab3dEf9GhI" } ],
        "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ]
      },
      "display_text_range" : [ "0", "60" ],
      "favorite_count" : "58",
      "id_str" : "1199332211009988776",
      "truncated" : false,
      "retweet_count" : "201",
      "id" : "1199332211009988776",
      "created_at" : "Tue Nov 26 15:05:10 +0000 2019",
      "favorited" : false,
      "full_text" : "العلم مرفوع فوق مطار كويرس اليوم #كويرس https://t.co/Ab3dEf9GhI",
      "lang" : "ar"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "media" : [ { "media_url_https" : "https://pbs.twimg.com/media/tabqa-hangars_banner.jpg", "id_str" : "1230405060708090100", "type" : "photo", "url" : "https://t.co/Zx8yWv7UtS" } ],
        "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ]
      },
      "favorite_count" : "12",
      "id_str" : "1230405060708090123",
      "retweet_count" : "9",
      "id" : "1230405060708090123",
      "created_at" : "Thu Feb 20 08:45:00 +0000 2020",
      "full_text" : "Reposting the Tabqa hangars picture with our banner. Original from May 2017. https://t.co/Zx8yWv7UtS",
      "lang" : "en"
    }
  }
]
