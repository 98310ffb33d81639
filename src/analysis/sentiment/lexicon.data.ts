/**
 * The Pantau Isu sentiment lexicon, written by hand for this project (not derived from any dataset).
 * One line per weight: `weight: word word …`, weights in [-1, 1]. Multi-word entries are written with '_'
 * ('tidak_becus', 'bukan_main') and matched on consecutive tokens. Words are in the normaliser's output form
 * (standard spelling after the slang map), plus informal words that the slang map deliberately leaves alone.
 *
 * Scale: ±0.2 a hint (news-like event words), ±0.4 mild, ±0.6 clear, ±0.8 strong, ±1.0 extreme.
 */
export const LEXICON_SOURCE = `
# ---------- positive: quality, praise ----------
1.0: mantap mantul mantab luar_biasa terbaik sempurna istimewa juara top_markotop jempolan dahsyat maknyus
0.9: keren hebat bagus_sekali memuaskan sangat_puas terpuji fantastis spektakuler menakjubkan mengagumkan memukau
0.9: lezat nikmat enak_sekali gurih_banget recommended rekomendasi direkomendasikan wajib_coba juaranya
0.8: bagus baik enak puas senang gembira bahagia suka cinta sayang indah cantik ganteng manis ramah sopan
0.8: nyaman bersih rapi sejuk asri tertata terawat wangi harum segar lezatnya enaknya bagusnya kerennya
0.8: terima_kasih berterima_kasih apresiasi mengapresiasi salut bangga membanggakan acungi jempol top
0.8: profesional amanah jujur tanggap sigap cekatan gercep responsif solutif transparan akuntabel berintegritas
0.7: cepat tepat lancar mudah murah terjangkau ekonomis hemat strategis luas lega lengkap beragam bervariasi
0.7: berhasil sukses menang lulus tercapai terwujud terlaksana terselesaikan selesai_tepat_waktu tuntas beres
0.7: membantu terbantu bermanfaat berguna berfaedah menolong tertolong memudahkan dimudahkan melayani terlayani
0.7: menyenangkan menggembirakan membahagiakan menyegarkan menenangkan menghibur terhibur seru asyik asik
0.7: ramahnya sopannya bersihnya nyamannya murahnya cepatnya pelayanannya_bagus kece ciamik cakep oke ok okay sip
0.7: mantapnya hebatnya kerenan makin_bagus lebih_baik membaik meningkat peningkatan kemajuan maju berkembang
0.6: baik_hati dermawan peduli kepedulian perhatian bijak bijaksana adil merata tegas disiplin tertib teratur
0.6: empuk renyah garing krispi crispy lembut juicy kenyal creamy legit gurih manisnya pas_di_lidah nagih ketagihan
0.6: menarik unik kreatif inovatif inovasi modern canggih praktis efektif efisien optimal maksimal berkualitas
0.6: layak pantas patut wajar aman tenteram damai rukun kondusif sehat bugar sembuh pulih normal_kembali
0.6: mendukung dukung dukungan mendukungnya setuju sepakat menyetujui mendoakan doa semangat bersemangat optimis
0.6: gratis diskon promo potongan_harga cashback bonus hadiah untung beruntung keuntungan laba surplus
0.6: romantis cozy homey instagramable estetik aesthetic elegan mewah megah klasik artistik cantiknya indahnya
0.5: membaiknya diperbaiki_cepat tersedia ada_solusi solusi jalan_keluar kejelasan jelas terang benderang
0.5: terkenal populer favorit andalan ikonik legendaris laris laku ramai_pengunjung penuh_pengunjung antusias
0.5: ramai meriah semarak semarakkan memeriahkan merayakan perayaan syukur bersyukur alhamdulillah
0.5: selamat congrats congratulations sukses_selalu mantap_jiwa good nice great best awesome cool love like happy
0.5: ikhlas sabar tabah tulus setia loyal rendah_hati santun hormat menghormati menghargai dihargai
0.5: sejahtera makmur kesejahteraan kemakmuran kemajuan pemerataan keadilan kebersamaan gotong_royong
0.5: lumayan_enak lumayan_bagus cukup_baik cukup_enak cukup_bagus worth worth_it sepadan sebanding
0.5: terjaga terpelihara terlindungi dilindungi perlindungan aman_terkendali terkendali stabil kokoh kuat tangguh
0.4: lumayan cukup standar_bagus oke_lah not_bad mending mendingan lebih_murah lebih_cepat lebih_bersih
0.4: santai tenang adem teduh hangat kekeluargaan akrab bersahabat friendly welcome
0.4: berharap harapan semoga mudah-mudahan insya_allah amin aamiin yakin percaya kepercayaan dipercaya terpercaya
0.4: wow waw wah_keren amazing masya_allah subhanallah
0.4: menang_banyak banyak_pilihan porsi_besar porsi_banyak mengenyangkan kenyang puas_banget
0.3: mendapat mendapatkan memperoleh menerima_bantuan bantuan bansos subsidi beasiswa santunan
0.3: baru_diperbaiki diresmikan peresmian diluncurkan meluncurkan membangun pembangunan dibangun
0.3: wkwk lucu kocak ngakak
# ---------- positive: verbs and states ----------
0.7: menikmati dinikmati memanjakan dimanjakan terpuaskan memuaskan_sekali menyukai disukai mencintai dicintai
0.6: merekomendasikan menyarankan menganjurkan menyegarkan menyehatkan memperbaiki_dengan_cepat
0.6: mengagumi dikagumi kagum terkesan terkesima takjub terpesona mempesona pesona menawan
0.6: bergembira berbahagia bersenang-senang tersenyum senyum senyuman tertawa_bahagia ceria riang
0.5: berprestasi prestasi penghargaan meraih diraih memenangkan juara_umum kemenangan keberhasilan kesuksesan
0.5: bersih-bersih dibersihkan dirapikan ditata direnovasi diperbaharui diperbarui diperbaiki dibenahi diaspal
0.4: ditindaklanjuti ditangani tertangani terselesaikan diselesaikan dituntaskan direspon direspons ditanggapi
0.4: menginspirasi inspiratif inspirasi motivasi memotivasi termotivasi mendidik edukatif informatif
# ---------- negative: public service ----------
-1.0: pungli korupsi koruptor korup suap menyuap disuap sogok sogokan menyogok gratifikasi
-0.9: mangkrak terbengkalai ditelantarkan terlantar tidak_becus tidak_beres amburadul semrawut kacau_balau
-0.9: penipuan menipu ditipu tertipu penipu bohong pembohong berbohong dibohongi hoaks hoax fitnah memfitnah
-0.9: pelecehan melecehkan dilecehkan pemerkosaan memperkosa pembunuhan membunuh dibunuh penganiayaan dianiaya
-0.8: lambat lamban lelet lemot molor terlambat telat keterlambatan berlarut-larut bertele-tele birokratis ribet
-0.8: rusak kerusakan rusak_parah berlubang lubang_besar hancur ambrol ambruk roboh jebol bocor retak longsor
-0.8: kotor jorok kumuh bau busuk pesing menjijikkan jijik sampah_menumpuk menumpuk berserakan kotornya
-0.8: macet kemacetan macet_parah banjir_lagi kebanjiran tergenang genangan_air mati_lampu padam pemadaman
-0.8: jutek judes galak ketus kasar sombong angkuh arogan cuek acuh acuh_tak_acuh tidak_ramah tidak_sopan
-0.8: mengecewakan kecewa dikecewakan kekecewaan kecewa_berat menyesal penyesalan nyesel kapok ogah
-0.8: buruk terburuk jelek parah payah lemah gagal kegagalan menyedihkan memprihatinkan prihatin miris ironis
-0.8: mahal_banget kemahalan overprice overpriced kemahalan_harga mencekik mahal_sekali tidak_sepadan
-0.8: dipersulit mempersulit menyulitkan kesulitan sulit susah repot merepotkan direpotkan ribetnya
-0.8: diabaikan mengabaikan abai lalai kelalaian tidak_peduli cuek_saja pembiaran dibiarkan tidak_ditanggapi
-0.8: pemerasan memeras diperas premanisme preman palak dipalak memalak intimidasi mengintimidasi ancam mengancam
-0.7: pungutan_liar biaya_siluman calo percaloan nepotisme kolusi kkn mark_up markup penyelewengan menyelewengkan
-0.7: antre_lama antrean_panjang menunggu_lama lama_sekali lama_banget bertahun-tahun berbulan-bulan belum_juga
-0.7: mati rusak_lagi bocor_lagi sering_mati byarpet padam_lagi mampet tersumbat meluap tergenang
-0.7: sembarangan seenaknya semena-mena sewenang-wenang seenak_udel ugal-ugalan liar ilegal melanggar pelanggaran
-0.7: tidak_jelas tidak_tahu_diri tidak_profesional tidak_kompeten tidak_layak tidak_manusiawi tidak_adil
-0.7: pencitraan janji_palsu omong_kosong php pemberi_harapan_palsu ingkar ingkar_janji mengingkari
-0.7: mahal tarif_naik kenaikan_harga melonjak meroket naik_terus langka kelangkaan kosong_stok
-0.6: keluhan mengeluh mengeluhkan dikeluhkan komplain protes memprotes diprotes kritik mengkritik kecaman mengecam
-0.6: bermasalah masalah permasalahan kendala terkendala hambatan terhambat gangguan terganggu mengganggu
-0.6: kurang_ramah kurang_bersih kurang_enak kurang_nyaman kurang_memuaskan kurang_jelas kurang_tanggap
-0.6: berantakan kacau semrawut berisik bising gaduh ramai_sekali sumpek pengap panas_sekali gerah sempit
-0.6: susahnya ribet_banget sulitnya lamanya mahalnya telatnya kotornya_minta_ampun parahnya
-0.6: lapar_lagi haus kelaparan kekurangan minim terbatas keterbatasan tidak_memadai tidak_tersedia habis_stok
-0.6: bahaya berbahaya membahayakan rawan rentan darurat waspada ancaman terancam mengkhawatirkan khawatir cemas
-0.6: dicopot_saja mundur_saja turunkan copot pecat dipecat bubarkan dibubarkan boikot memboikot
-0.5: tidak_ada_tanggapan tidak_direspon tidak_dibalas dibaca_saja slow_respon slow_response lambat_respon
-0.5: antre antrean mengantre menunggu_lama ngaret jam_karet tertunda ditunda penundaan batal dibatalkan pembatalan
-0.5: pengangguran menganggur miskin kemiskinan melarat susah_makan utang hutang berutang terlilit bangkrut rugi kerugian
-0.5: sakit kesakitan penyakit wabah menular terinfeksi keracunan diare demam_berdarah
-0.4: sayang_sekali sayangnya disayangkan kurang kekurangan minus sedikit_kecewa agak_kecewa
-0.4: biasa_saja standar hambar tawar kurang_garam keasinan kemanisan keasaman gosong alot keras_dagingnya
-0.4: basi dingin_makanannya tidak_segar layu lembek benyek berminyak terlalu_berminyak amis
# ---------- negative: anger, insult, emotion ----------
-1.0: bangsat bajingan keparat brengsek anjing bedebah biadab tolol goblok bego bodoh idiot dungu sinting kampret
-0.9: sialan sial anjir anjay jancuk cuk asu taik tai najis laknat terkutuk kurang_ajar biadab_sekali
-0.9: benci membenci dibenci kebencian muak jengkel kesal geram murka marah kemarahan emosi naik_darah
-0.8: sedih kesedihan sengsara menderita penderitaan tersiksa siksa menyiksa pilu duka berduka nestapa
-0.8: takut ketakutan menakutkan seram ngeri mengerikan horor trauma panik resah meresahkan gelisah
-0.8: frustrasi frustasi stres stress depresi putus_asa pasrah capek_hati sakit_hati tersinggung menyinggung
-0.8: malu memalukan dipermalukan hina menghina penghinaan dihina rendahan murahan norak kampungan alay
-0.7: bosan membosankan jenuh menjenuhkan garing_banget basi_banget tidak_menarik monoton
-0.7: aneh janggal mencurigakan curiga kecurigaan janggalnya ganjil tidak_masuk_akal konyol
-0.7: tega kejam zalim dzalim jahat kejahatan keji licik serakah rakus tamak munafik egois pelit kikir
-0.6: males malas mager baper galau gabut bete bt badmood ngambek cemberut
-0.6: lelah kelelahan capek letih loyo lesu penat pegal
-0.6: menyebalkan sebal nyebelin ngeselin ngeselin_banget menjengkelkan mengesalkan menjengkelkannya
-0.5: kasihan iba memelas pilu_rasanya prihatin_sekali
-0.5: ngantuk lapar haus kepanasan kehujanan kedinginan kebasahan kegerahan
# ---------- negative: events (weak: news headlines about them are often neutral) ----------
-0.5: kecelakaan tabrakan bencana musibah tragedi kebakaran terbakar dibakar gempa tsunami puting_beliung kekeringan
-0.4: banjir longsor_lagi erupsi abrasi pencemaran tercemar polusi limbah asap kabut_asap karhutla
-0.4: tersangka terdakwa ditangkap penangkapan ditahan penjara dipenjara vonis divonis tahanan buron kriminal
-0.4: kriminalitas pencurian mencuri dicuri maling begal pembegalan perampokan merampok dirampok copet narkoba
-0.4: demo demonstrasi unjuk_rasa kerusuhan rusuh bentrok bentrokan tawuran perkelahian pengeroyokan dikeroyok
-0.4: korban tewas meninggal_dunia luka-luka terluka cedera hilang_nyawa jenazah
-0.3: krisis resesi inflasi defisit merosot anjlok turun_drastis melemah pelemahan menurun penurunan
-0.3: konflik sengketa perselisihan gugatan menggugat digugat somasi dilaporkan melaporkan_ke_polisi
-0.3: persekusi pengrusakan perusakan vandalisme coretan penggusuran digusur relokasi_paksa
# ---------- positive: public-service outcomes ----------
0.7: jalan_mulus mulus diaspal_mulus terang_benderang lampu_menyala air_lancar listrik_lancar sinyal_kuat
0.6: gratis_biaya bebas_biaya tanpa_biaya tanpa_pungutan tanpa_antre tidak_antre tidak_ribet tidak_lama
0.6: pelayanan_prima pelayanan_cepat pelayanan_baik layanan_baik ramah_petugas petugas_ramah
0.5: terima_kasih_pak terima_kasih_bu terima_kasih_min respon_cepat fast_respon fast_response tanggap_darurat
# ---------- batch 2: reviews, services, products, politics (hand-written) ----------
0.9: terenak terlezat ternikmat terbagus terkeren terindah terbersih ternyaman termurah tercepat terlengkap terfavorit
0.9: juara_banget mantap_sekali enak_banget bagus_banget keren_banget puas_sekali senang_sekali luar_biasa_enak
0.8: sangat_membantu sangat_ramah sangat_enak sangat_bagus sangat_nyaman sangat_bersih sangat_puas sangat_recommended
0.8: bintang_lima kelas_dunia kualitas_terbaik top_banget the_best jagoan unggul unggulan keunggulan berkelas
0.8: kenyamanan kebersihan keramahan keindahan kelezatan kenikmatan kepuasan kebahagiaan kesenangan kegembiraan
0.7: keramahannya kebersihannya kenyamanannya kelezatannya keindahannya kecepatannya ketepatannya kemudahannya
0.7: menyenangkan_sekali memukau_sekali menggugah_selera menggoda menggiurkan harum_semerbak wangi_sekali
0.7: ramah-ramah baik-baik bersih-bersih murah-murah enak-enak bagus-bagus cantik-cantik lucu-lucu
0.7: penuh_rasa kaya_rasa bumbu_meresap meresap pas_bumbunya pedasnya_pas manisnya_pas empuk_sekali lumer
0.7: nyaman_sekali bersih_sekali murah_meriah harga_bersahabat harga_terjangkau harga_murah ramah_kantong
0.6: sejuk_sekali pemandangan_indah pemandangan_bagus view_bagus suasana_nyaman suasananya_enak tempatnya_nyaman
0.6: pelayanannya_ramah pelayanan_ramah pelayan_ramah karyawan_ramah staf_ramah pegawai_ramah pelayanan_memuaskan
0.6: higienis steril wangi rapi_sekali tertib_sekali teratur_sekali terorganisir terkoordinasi terpadu terintegrasi
0.6: berkah barokah berkat rezeki rejeki anugerah karunia nikmat_tuhan bersyukur_sekali beruntung_sekali
0.6: sehat-sehat panjang_umur sukses_terus lancar_jaya lancar_terus semoga_sukses semoga_lancar semoga_berkah
0.6: menguntungkan menjanjikan prospektif potensial positif konstruktif produktif kondusif_sekali harmonis
0.6: membangun_daerah memajukan dimajukan kemajuannya mensejahterakan menyejahterakan memberdayakan pemberdayaan
0.6: melindungi mengayomi pengayom mengayomi_masyarakat menjaga dijaga menyelamatkan diselamatkan penyelamat
0.6: merakyat pro_rakyat peduli_rakyat berpihak_rakyat dekat_rakyat blusukan turun_langsung turun_tangan
0.6: andal handal mumpuni kompeten cakap terampil ahli jago pintar cerdas pandai brilian genius berbakat
0.6: rajin tekun giat ulet gigih pekerja_keras bertanggung_jawab tanggung_jawab komitmen berkomitmen konsisten
0.6: dermawan_sekali murah_hati baik_sekali baik_banget sabar_sekali ramah_sekali sopan_sekali santun_sekali
0.5: memperlancar melancarkan mempercepat dipercepat percepatan mempermudah dipermudah kemudahan memperindah
0.5: memperbaiki dibenahi pembenahan penataan ditata_rapi revitalisasi direvitalisasi renovasi peremajaan
0.5: menyediakan disediakan fasilitas_lengkap lengkap_sekali tersedia_lengkap parkir_luas tempat_luas luas_sekali
0.5: bersahabat ramah_anak ramah_lingkungan ramah_disabilitas inklusif toleran toleransi menghargai_perbedaan
0.5: hemat_waktu hemat_biaya lebih_hemat terjangkau_sekali murah_sekali murah_banget gratis_ongkir
0.5: wangi_harum segar_sekali dingin_segar hangat_nikmat fresh crunchy tender yummy delicious tasty lezatos
0.5: cocok sesuai pas tepat_sasaran tepat_waktu sesuai_harapan sesuai_pesanan sesuai_gambar original asli
0.5: terjamin dijamin jaminan garansi bergaransi resmi terdaftar berizin legal aman_terpercaya
0.5: nyaman_dipakai awet tahan_lama kuat_sekali kokoh_sekali bandel irit hemat_bensin hemat_listrik
0.5: dinanti ditunggu-tunggu dinantikan disambut_baik disambut_hangat sambutan_hangat antusiasme meriah_sekali
0.4: memadai mencukupi cukup_memadai layak_pakai layak_huni tidak_mengecewakan tidak_menyesal tidak_rugi
0.4: rekomen rekom recomended rekomended recommend recommended_banget wajib_dicoba patut_dicoba harus_coba
0.4: balik_lagi kembali_lagi datang_lagi langganan pelanggan_setia berlangganan repeat_order nagih_banget
0.4: lancar_jaya lancar_sekali mulus_sekali aman_sentosa tertib_lalu_lintas bebas_macet bebas_banjir
0.4: ok_banget oke_banget oke_sekali lumayan_juga lumayan_lah boleh_juga bolehlah not_bad_lah
0.3: diresmikan_hari_ini dibuka_kembali beroperasi_kembali dilanjutkan melanjutkan berlanjut rampung dirampungkan
0.3: bantuan_langsung bantuan_sosial pembagian_sembako dibagikan membagikan berbagi pembagian donasi menyumbang
0.3: vaksinasi imunisasi_gratis pengobatan_gratis sekolah_gratis beasiswa_penuh pelatihan_gratis
# ---------- negative batch 2 ----------
-0.9: terjelek terburuk_sepanjang_masa paling_jelek paling_buruk paling_parah parah_banget parah_sekali jelek_banget
-0.9: kecewa_banget kecewa_sekali sangat_kecewa sangat_mengecewakan mengecewakan_sekali menyesal_banget nyesel_banget
-0.9: tidak_akan_kembali tidak_mau_lagi tidak_recommended tidak_rekomendasi jangan_ke_sini jangan_beli kapok_banget
-0.9: penipu_ulung modus_penipuan investasi_bodong bodong abal-abal palsu dipalsukan pemalsuan barang_palsu kw
-0.8: jelek_sekali buruk_sekali kotor_sekali jorok_sekali bau_sekali mahal_sekali lama_sekali_pelayanannya
-0.8: tidak_enak kurang_enak_banget hambar_sekali asin_sekali keasinan_banget pahit anyep tidak_fresh tidak_higienis
-0.8: pelayanan_buruk pelayanan_jelek pelayanan_lambat pelayanan_lama pelayanan_mengecewakan layanan_buruk
-0.8: pelayan_jutek pegawai_jutek petugas_jutek kasir_jutek satpam_galak petugas_galak pegawai_malas
-0.8: tidak_bertanggung_jawab lepas_tangan cuci_tangan lempar_tanggung_jawab saling_lempar kambing_hitam
-0.8: lamban_sekali lelet_banget lemot_banget error_terus gangguan_terus down_terus gagal_terus loading_lama
-0.8: error eror galat hang nge-hang ngehang force_close crash bug down offline tidak_bisa_login gagal_login
-0.8: dibobol kebobolan peretasan diretas bocor_data kebocoran_data penyalahgunaan disalahgunakan
-0.8: mengkhianati pengkhianat dikhianati khianat pengkhianatan menjebak dijebak jebakan memanipulasi manipulasi
-0.8: merugikan dirugikan kerugian_besar rugi_bandar tekor boncos buntung sial_banget apes
-0.8: menjijikan jijik_banget bau_busuk bau_pesing bau_amis berbau bau_sampah anyir tengik apek
-0.7: kecoak kecoa lalat tikus_got belatung rambut_di_makanan ulat semut_di_makanan berjamur jamuran
-0.7: mentah setengah_matang kematangan overcooked gosong_banget keras_banget alot_banget dingin_banget basi_banget
-0.7: porsi_kecil porsi_sedikit porsinya_kecil sedikit_sekali pelit_porsi kemahalan_untuk_porsinya tidak_sebanding
-0.7: antri_lama antre_panjang nunggu_lama menunggu_berjam-jam berjam-jam seharian berhari-hari berminggu-minggu
-0.7: sempit_sekali panas_banget gerah_banget pengap_sekali berisik_sekali gelap_sekali licin becek berdebu debu
-0.7: kumuh_sekali semak_belukar tidak_terurus tidak_terawat kurang_terawat terbengkalai_lama rusak_berat
-0.7: jalan_rusak jalan_berlubang jalan_hancur jembatan_putus jembatan_rusak lampu_mati lampu_jalan_mati
-0.7: air_mati air_keruh air_kotor air_bau pdam_mati listrik_mati sinyal_hilang sinyal_jelek internet_lemot
-0.7: sampah_berserakan tumpukan_sampah bau_sampah_menyengat got_mampet selokan_mampet drainase_buruk
-0.7: parkir_liar pungutan_parkir juru_parkir_liar tarif_parkir_mahal ojek_liar pedagang_liar bangunan_liar
-0.7: pungli_lagi minta_uang_rokok uang_pelicin uang_rokok salam_tempel amplop titipan jatah_preman
-0.7: tidak_transparan tertutup_informasi ditutup-tutupi menutupi disembunyikan menyembunyikan rahasia_umum
-0.7: janji_manis janji_doang janji_tinggal_janji cuma_janji omdo omong_doang bacot banyak_omong pencitraan_saja
-0.7: menyalahgunakan penyalahgunaan_wewenang otoriter diktator represif membungkam dibungkam kriminalisasi
-0.7: dipungut dipungut_biaya dimintai_biaya dimintai_uang diminta_bayar disuruh_bayar bayar_lagi biaya_tambahan
-0.7: menelantarkan menyengsarakan memiskinkan membebani dibebani terbebani memberatkan diberatkan beban_berat
-0.7: mengerikan_sekali menyeramkan menakutkan_sekali horor_banget ngeri_banget seram_banget
-0.7: penyesalan_terbesar menyesal_datang menyesal_beli menyesal_pesan rugi_datang rugi_beli buang_uang buang_waktu
-0.6: kurang_puas tidak_puas belum_puas kurang_memadai kurang_layak kurang_maksimal kurang_optimal kurang_profesional
-0.6: tidak_sesuai tidak_sesuai_pesanan tidak_sesuai_gambar beda_dengan_gambar salah_kirim salah_pesanan barang_rusak
-0.6: lama_sampai pengiriman_lama paket_hilang paket_belum_sampai belum_datang belum_sampai tidak_sampai nyasar
-0.6: refund_lama dana_belum_kembali saldo_hilang saldo_terpotong potongan_tidak_jelas biaya_admin_mahal
-0.6: tidak_bisa_dihubungi susah_dihubungi sulit_dihubungi nomor_tidak_aktif cs_lambat customer_service_lambat
-0.6: tidak_responsif kurang_responsif tidak_tanggap kurang_tanggap tidak_sigap lambat_tanggap lambat_penanganan
-0.6: birokrasi_berbelit berbelit-belit berbelit dioper-oper dilempar-lempar disuruh_balik_lagi bolak-balik
-0.6: syarat_ribet persyaratan_ribet administrasi_ribet prosedur_ribet ribet_urusnya susah_urusnya
-0.6: mahal_sekali_harganya harga_mahal harganya_mahal harga_naik tarif_mahal biaya_mahal ongkos_mahal
-0.6: terbakar_habis hangus dilalap_api ludes kebakaran_hebat kebakaran_lahan
-0.6: tenggelam terseret_arus hanyut terendam terendam_banjir banjir_bandang banjir_rob rob genangan_tinggi
-0.6: longsor_menutup_jalan jalan_terputus akses_terputus terisolasi terputus putus_total lumpuh_total lumpuh
-0.6: kelangkaan_gas gas_langka minyak_goreng_langka bbm_langka antre_bbm antre_gas harga_melambung
-0.6: diusir mengusir pengusiran dipaksa memaksa paksaan terpaksa dipaksakan pemaksaan
-0.6: diskriminasi mendiskriminasi dianaktirikan tebang_pilih pilih_kasih berat_sebelah tidak_netral memihak
-0.6: bullying dibully membully perundungan dirundung dihujat menghujat hujatan dicaci caci_maki mencaci
-0.6: sinis nyinyir julid menyindir sindiran nyindir mencibir cibiran nyolot songong sok sok_tahu sok_pintar
-0.5: kurang_bagus kurang_baik kurang_rapi kurang_luas kurang_terang kurang_sejuk kurang_higienis kurang_bumbu
-0.5: tidak_bagus tidak_baik tidak_nyaman tidak_bersih tidak_rapi tidak_aman tidak_sehat tidak_lengkap
-0.5: tidak_berfungsi tidak_jalan tidak_nyala tidak_menyala mati_total mogok macet_total tidak_bisa_dipakai
-0.5: belum_diperbaiki belum_ditangani belum_ada_tindakan belum_ada_kabar belum_ada_kejelasan tanpa_kejelasan
-0.5: menunggu_kepastian tidak_pasti ketidakpastian simpang_siur membingungkan bingung kebingungan rancu
-0.5: sepi sepi_pengunjung sepi_pembeli lesu_pembeli tutup_permanen gulung_tikar bangkrut_total
-0.5: mengantuk membosankan_sekali lama_banget_nunggu kelamaan kelamaan_nunggu lamaa
-0.5: kepedasan terlalu_pedas terlalu_manis terlalu_asin terlalu_mahal terlalu_lama terlalu_ramai terlalu_sempit
-0.5: minus_nya kekurangannya kelemahannya sayangnya_kurang sayangnya_mahal tapi_sayang
-0.5: dikritik dikecam diprotes_warga dikeluhkan_warga keluhan_warga aduan_warga dilaporkan_warga viral_negatif
-0.5: bodong_lagi tidak_resmi tanpa_izin tidak_berizin liar_sekali ilegal_loging pembalakan penambangan_liar tambang_ilegal
-0.4: kurang_strategis susah_dicari susah_parkir tidak_ada_parkir parkiran_sempit lokasi_terpencil jauh_sekali
-0.4: biasa_aja standar_saja so_so b_aja b_saja tidak_istimewa tidak_spesial tidak_terlalu_enak kurang_nendang
-0.4: tumben aneh_saja heran mengherankan herannya bertanya-tanya kok_bisa kok_begitu
-0.4: pengap_dan_panas keringetan berkeringat kepanasan_sekali
-0.4: was-was waswas deg-degan khawatir_sekali cemas_sekali takut_sekali
-0.3: mahalan agak_mahal lumayan_mahal sedikit_mahal cukup_mahal pricey agak_lama lumayan_lama cukup_lama
-0.3: tutup libur_mendadak tutup_mendadak habis_terjual sold_out kehabisan
-0.3: pajak_naik iuran_naik bpjs_naik tarif_listrik_naik harga_bbm_naik kenaikan_tarif kenaikan_pajak
# ---------- batch 3: single words and their affixed forms (hand-written) ----------
0.8: menyukainya menikmatinya memuji pujian dipuji terpuji_sekali sanjung menyanjung disanjung acungan_jempol
0.8: kagumi dikagumi_banyak bangga_sekali kebanggaan membanggakan_sekali terharu mengharukan haru bahagianya senangnya
0.7: berkualitas_tinggi bermutu mutu_bagus kualitas_bagus kualitasnya_bagus kualitas_oke premium eksklusif
0.7: bersih_dan_nyaman nyaman_dan_bersih enak_dan_murah murah_dan_enak cepat_dan_ramah ramah_dan_cepat
0.7: lezat_sekali gurih_sekali manis_sekali segar_banget empuk_banget renyah_banget wangi_banget harum_sekali
0.7: memesona menawan_hati rupawan jelita elok permai asri_sekali hijau_asri rindang sejuk_asri
0.7: sopan_santun tutur_kata_baik berbudi budiman berakhlak akhlak_mulia mulia terhormat terhormatnya
0.6: membahagiakan_sekali menggembirakan_sekali menyenangkan_hati menghangatkan menenteramkan menyejukkan
0.6: ketenangan kedamaian ketentraman keamanan kenyamanan_warga keselamatan keharmonisan kerukunan
0.6: keberhasilan_program capaian pencapaian terobosan gebrakan solusi_tepat kebijakan_tepat langkah_tepat
0.6: tepat_guna berdaya_guna berhasil_guna tepat_sasaran_sekali efektivitas efisiensi produktivitas
0.6: bersinergi sinergi kolaborasi berkolaborasi bekerja_sama kerja_sama kerjasama kompak kekompakan solid solidaritas
0.6: apresiatif proaktif progresif visioner reformis humanis humanis_sekali merangkul dirangkul
0.6: ramahnya_minta_ampun baiknya_minta_ampun enaknya_minta_ampun murahnya_minta_ampun
0.6: kinclong mengkilap cling bening jernih bersih_bening wangi_segar harum_wangi
0.6: cepat_tanggap tanggap_cepat sigap_sekali siaga siap_siaga gerak_cepat langsung_ditangani langsung_diperbaiki
0.6: sudah_diperbaiki sudah_ditangani sudah_beres sudah_selesai sudah_lancar sudah_bagus sudah_bersih sudah_menyala
0.5: legowo lapang_dada besar_hati berjiwa_besar rendah_diri kalem adem_ayem tenang_sekali
0.5: menyala nyala hidup_lagi menyala_lagi lancar_lagi normal normal_lagi berfungsi berfungsi_baik berjalan_baik
0.5: meningkatkan ditingkatkan peningkatan_signifikan naik_signifikan melonjak_positif tumbuh pertumbuhan bertumbuh
0.5: membaik_terus pulihnya pemulihan bangkit kebangkitan kembali_normal kembali_pulih berangsur_pulih
0.5: dilestarikan melestarikan pelestarian lestari terjaga_kelestarian hijau_kembali penghijauan reboisasi
0.5: disiplin_tinggi tertib_administrasi rapi_administrasi tertata_rapi tertata_baik terorganisasi_baik
0.5: berguna_sekali bermanfaat_sekali membantu_sekali terbantu_sekali sangat_bermanfaat sangat_berguna
0.5: menarik_sekali unik_sekali kreatif_sekali lucu_sekali gemas gemes menggemaskan imut unyu
0.5: dianjurkan disarankan layak_dicoba layak_dikunjungi wajib_dikunjungi wajib_mampir patut_dikunjungi
0.5: mampir_lagi pasti_balik pasti_kembali bakal_balik bakal_kembali pengen_balik ingin_kembali ingin_balik
0.4: tertarik ketertarikan minat berminat diminati peminat menggemari digemari penggemar fans
0.4: ramai_pembeli ramai_pengunjung laris_manis laku_keras diburu_pembeli diserbu_pembeli antusias_warga
0.4: disukai_anak ramah_keluarga cocok_untuk_keluarga cocok_buat_keluarga family_friendly kid_friendly
0.4: pantas_dicoba pas_di_kantong sesuai_budget sesuai_kantong bersahabat_di_kantong ekonomis_sekali
0.4: benar_adanya tepat_sekali betul_sekali setuju_sekali sepakat_sekali dukung_penuh siap_mendukung
0.4: bersemi bermekaran mekar cerah cerah_ceria terang_ceria berseri berseri-seri berbinar
0.3: aman_saja aman_aman lancar_saja lancar-lancar baik-baik_saja sehat_selalu
0.3: tersenyum_lebar ketawa tertawa-tawa haha_hihi
-0.8: menjengkelkan_sekali menyebalkan_sekali bikin_emosi bikin_kesal bikin_marah bikin_jengkel naik_pitam
-0.8: ketidakadilan ketidakpuasan ketidaknyamanan ketidakjelasan ketidakmampuan ketidakpedulian ketidakbecusan
-0.8: kebobrokan bobrok bobroknya rapuh keropos lapuk reyot rombeng butut usang kumal dekil lusuh
-0.8: penindasan menindas ditindas tertindas kesewenang-wenangan penyiksaan kekerasan kekejaman pembantaian
-0.8: kejahatan_besar kriminal_besar mafia mafia_tanah mafia_migas kartel monopoli memonopoli dikuasai_mafia
-0.7: keluhkan keluhkan_warga dikeluhkan_pengguna dikeluhkan_pelanggan pengaduan_warga aduan
-0.7: menyengsarakan_rakyat menyusahkan menyusahkan_rakyat membebani_rakyat mencekik_rakyat menindas_rakyat
-0.7: merusak dirusak perusak merusakkan kerusakan_parah kerusakannya rusaknya hancurnya ambruknya robohnya
-0.7: mencemari dicemari mencemarkan tercemar_limbah pencemaran_sungai sungai_tercemar sungai_kotor kali_kotor
-0.7: kebauan berbau_busuk menyengat bau_menyengat aroma_tidak_sedap tidak_sedap
-0.7: menyesalkan disesalkan menyayangkan disayangkan_sekali sayang_seribu_sayang
-0.7: meremehkan diremehkan merendahkan direndahkan menyepelekan disepelekan mengentengkan
-0.7: membohongi membodohi dibodohi pembodohan mengelabui dikelabui menyesatkan disesatkan sesat
-0.7: mengkorupsi dikorupsi menilap ditilap menggelapkan digelapkan penggelapan menggerogoti digerogoti
-0.7: menelantarkan_warga mengorbankan dikorbankan tumbal menumbalkan ditumbalkan
-0.7: terkatung-katung terlunta-lunta terombang-ambing kocar-kacir porak-poranda luluh_lantak rata_dengan_tanah
-0.7: kehilangan hilang kecurian kemalingan kerampokan kebobolan_lagi dicopet kecopetan dijambret jambret
-0.6: telat_terus terlambat_terus molor_terus ngaret_terus mundur_terus diundur diundur-undur ditunda-tunda
-0.6: kekecewaan_warga kemarahan_warga keresahan keresahan_warga kegelisahan kepanikan kekhawatiran ketakutan_warga
-0.6: kemacetan_parah kemacetan_panjang antrian_panjang antrean_mengular mengular padat_merayap tersendat
-0.6: ketidakdisiplinan ketidakteraturan ketidaktertiban kesemrawutan keruwetan ruwet mbulet njelimet
-0.6: melelahkan menguras_tenaga menguras_kantong menguras_dompet menghabiskan_waktu makan_waktu
-0.6: menyusahkan_warga merepotkan_warga mengganggu_warga meresahkan_warga mengancam_warga membahayakan_warga
-0.6: pengkhianatan_rakyat mengecewakan_rakyat menyakiti menyakiti_hati disakiti sakit_hati_banget
-0.6: terpuruk keterpurukan merosot_tajam jeblok anjlok_tajam terjun_bebas ambles amblas
-0.6: tersendat-sendat putus-putus putus_nyambung naik_turun tidak_stabil labil goyang oleng
-0.6: pura-pura berpura-pura basa-basi lip_service formalitas seremonial_saja sekadar_formalitas
-0.6: dipersulit_lagi dipingpong dilempar_ke_sana_kemari muter-muter berputar-putar
-0.6: ketinggalan tertinggal ketinggalan_zaman kuno jadul kolot primitif terbelakang
-0.5: mengeluhkan_pelayanan mengeluhkan_harga mengeluhkan_kondisi mempertanyakan dipertanyakan tanda_tanya
-0.5: membingungkan_sekali bikin_bingung bingung_sekali tidak_mengerti tidak_paham salah_paham
-0.5: bertambah_parah makin_parah semakin_parah kian_parah memburuk perburukan tambah_parah
-0.5: kebanyakan_micin micin kebanyakan_minyak keasinan_sekali kemanisan_sekali kepedasan_sekali
-0.5: lapuk_dimakan_usia dimakan_rayap berkarat karatan kusam pudar luntur sobek robek
-0.5: pengangguran_meningkat kemiskinan_meningkat angka_kemiskinan gizi_buruk stunting busung_lapar
-0.5: rawan_banjir rawan_longsor rawan_kecelakaan rawan_kriminal rawan_begal titik_rawan daerah_rawan
-0.5: diprotes diprotes_keras menolak_keras penolakan ditolak tolak menuntut tuntutan mendesak
-0.5: tidak_ditindaklanjuti tidak_diproses tidak_diurus tidak_dikerjakan tidak_dilanjutkan dihentikan mandek
-0.5: tersesat nyasar_terus salah_jalan salah_alamat salah_sasaran tidak_tepat_sasaran
-0.4: keberatan berkeberatan menyanggah sanggahan membantah bantahan menyangkal penyangkalan
-0.4: terpaksa_menunggu dipaksa_menunggu disuruh_menunggu disuruh_datang_lagi
-0.4: kurang_memuaskan_sedikit kurang_sreg tidak_sreg kurang_cocok tidak_cocok tidak_pas kurang_pas
-0.4: sesak sesak_napas batuk pilek flu gatal gatal-gatal alergi mual muntah pusing sakit_perut
-0.4: kering_kerontang gersang tandus kemarau_panjang krisis_air kekurangan_air sulit_air
-0.3: lumayan_ramai agak_ramai penuh_sesak berdesakan berdesak-desakan desak-desakan
-0.3: ribut keributan ricuh kericuhan gaduh_sekali heboh kegaduhan polemik kontroversi kontroversial
# ---------- batch 4: more single words, informal and formal (hand-written) ----------
0.8: gacor cuan auto_cuan jos joss josss mantep mantappu markotop mantaps sip_mantap top_abis keren_abis
0.7: jempol mengesankan berkesan impresif menakjubkan_sekali ajaib hebatnya_luar_biasa sakti jitu ampuh manjur mujarab
0.7: kenyang_puas mengenyangkan_sekali nendang mak_nyus nyus sedap sedapnya lezatt nikmatnya gurihnya segarnya
0.7: cantik_sekali indah_sekali bagus_sekali_tempatnya menawan_sekali anggun gagah tampan manis_sekali
0.7: selamat_datang welcome_back semoga_sehat semoga_cepat_sembuh cepat_sembuh lekas_sembuh get_well
0.6: tertolong_sekali sangat_terbantu terbantu_banget membantu_banget bantu_banget peduli_sekali perhatian_sekali
0.6: memotivasi_sekali membanggakan_daerah mengharumkan mengharumkan_nama harum_namanya berjasa jasa_besar pahlawan
0.6: tenteram_sekali damai_sekali aman_sekali nyaman_banget adem_banget sejuk_banget bersih_banget rapi_banget
0.6: berfaedah_sekali manfaatnya manfaat bermanfaat_banget menyehatkan_badan sehat_sekali bergizi gizi_seimbang
0.6: menyegarkan_sekali melegakan lega_sekali plong tenang_hati senang_hati gembira_sekali suka_sekali suka_banget
0.5: sukses_besar berhasil_baik lancar_sukses berjalan_lancar berjalan_sukses selesai_dengan_baik rampung_tepat_waktu
0.5: strategis_sekali mudah_dijangkau mudah_dicari mudah_ditemukan dekat_dari akses_mudah akses_mudah_sekali
0.5: luas_dan_bersih bersih_dan_rapi rapi_dan_bersih wangi_dan_bersih adem_dan_nyaman sejuk_dan_nyaman
0.5: terjangkau_harganya harganya_murah harganya_terjangkau harga_pas harganya_pas harga_sesuai sesuai_harga
0.5: beres_cepat cepat_beres cepat_selesai cepat_sekali cepat_banget kilat super_cepat sat_set satset
0.5: bebas_pungli tanpa_calo bersih_dari_pungli bebas_korupsi antikorupsi anti_korupsi integritas_tinggi
0.5: terobosan_baru inovasi_baru program_bagus program_unggulan kebijakan_bagus kebijakan_pro_rakyat
0.4: untunglah syukurlah syukur_alhamdulillah puji_tuhan puji_syukur berkat_tuhan terpujilah
0.4: asli_enak beneran_enak enak_beneran bagus_beneran keren_beneran mantap_beneran
0.4: bersahaja sederhana_tapi_nyaman minimalis apik rapi_jali resik
0.4: hijau rindang_sekali banyak_pohon taman_kota_indah ruang_terbuka_hijau rth
0.3: tersedia_gratis boleh_gratis free gratis_wifi wifi_kencang wifi_cepat colokan_banyak
-0.9: parah_pol ancur ancur_banget hancur_lebur hancur_total rusak_total bobrok_total kacau_total
-0.9: biadab_banget bejat moral_bejat asusila cabul mesum perzinahan porno pornografi judi judi_online judol
-0.8: zonk ampas sampah_banget kampungan_banget receh payah_banget cupu lebay alay_banget norak_banget
-0.8: kzl kesel_banget sebel_banget sebel bete_banget gondok dongkol mangkel jengkel_banget dongkol_banget
-0.8: nyebelin_banget ngeselin_sekali nyusahin nyusahin_aja ngerepotin ribet_amat mbulet_banget
-0.8: lemot_parah lelet_parah lambat_sekali lambat_banget lamban_banget lama_pol lelet_sekali
-0.8: penipuan_online ditipu_online kena_tipu kena_prank prank diprank scam scammer spam
-0.8: pelecehan_seksual kekerasan_seksual kekerasan_anak kekerasan_dalam_rumah_tangga kdrt perundungan_anak
-0.8: dipungli kena_pungli dimintai_pungli dipalak_preman diperas_oknum oknum_nakal oknum
-0.7: kotor_banget jorok_banget kumuh_banget bau_banget pesing_banget amis_banget apek_banget
-0.7: kasar_banget galak_banget jutek_banget judes_banget ketus_banget sombong_banget cuek_banget
-0.7: mahal_amat mahal_pol kemahalan_banget kemahalan_sekali harga_selangit selangit harga_gila mencekik_leher
-0.7: kecewa_berat kapok_deh nyesel_deh rugi_banget ruginya boncos_banget tekor_banget
-0.7: ngeri ngeri_sedap seram_sekali menyeramkan_sekali mencekam tegang_sekali mencemaskan menggelisahkan
-0.7: menangis nangis tangis tangisan meratap ratapan pilu_hati patah_hati sakit_hati_sekali
-0.7: mengamuk ngamuk amukan berang meradang naik_darah_sekali emosi_tingkat_tinggi darah_tinggi
-0.7: terjebak_macet terjebak terkurung tertahan tersandera terjepit terhimpit kejepit
-0.6: telat_banget telat_sekali terlambat_sekali terlambat_lagi telat_lagi molor_lagi molor_lama
-0.6: aneh_banget aneh_sekali janggal_sekali ganjil_sekali mencurigakan_sekali curiga_sekali
-0.6: bosan_banget bosen bosen_banget jenuh_banget suntuk suntuk_banget galau_banget
-0.6: capek_banget capek_deh lelah_sekali letih_sekali penat_sekali lelah_banget cape_deh
-0.6: sempit_banget panas_sekali pengap_banget gerah_sekali gelap_banget becek_banget licin_banget
-0.6: berantakan_banget semrawut_banget kacau_banget ruwet_banget ribet_sekali
-0.6: sedih_banget sedih_sekali kasihan_banget kasihan_sekali prihatin_banget miris_banget miris_sekali
-0.6: takut_banget ngeri_sekali khawatir_banget was-was_banget cemas_banget panik_banget
-0.5: ketus_sekali tidak_senyum jarang_senyum muka_masam cemberut_terus judes_sekali
-0.5: kecil_porsinya porsinya_sedikit hambar_rasanya rasanya_hambar rasanya_aneh rasanya_biasa rasa_biasa
-0.5: mahal_harganya harganya_mahal_banget harganya_kemahalan kemahalan_harganya tidak_worth tidak_worth_it
-0.5: kurang_worth kurang_sebanding tidak_sebanding_harga mahal_tapi_biasa mahal_doang
-0.5: sulit_sekali susah_sekali sulit_banget susah_banget repot_sekali repot_banget
-0.5: gerah_dan_panas panas_dan_pengap sempit_dan_panas kotor_dan_bau bau_dan_kotor
-0.5: ngantri_lama antri_panjang antre_berjam-jam mengantre_lama menunggu_sangat_lama
-0.4: macet_lagi banjir_terus longsor_terus mati_lagi padam_terus bocor_terus
-0.4: lambat_laun tersendat_lagi belum_beres belum_tuntas belum_rampung belum_selesai tak_kunjung tak_kunjung_selesai
-0.4: kurang_gercep kurang_sigap kurang_cepat kurang_perhatian kurang_peduli kurang_serius kurang_tegas
-0.3: agak_lambat agak_lama agak_kotor agak_bau agak_sempit agak_panas agak_kasar agak_jutek agak_ribet
-0.3: kemarau kering panas_terik terik gersang_sekali debu_beterbangan berdebu_sekali
# emoji names as some corpora write them
0.6: grinningface smilingface smilingfacewithsmilingeyes smilingfacewithheart-eyes thumbsup clappinghands redheart heart
0.3: facewithtearsofjoy rollingonthefloorlaughing winkingface
-0.6: angryface poutingface cryingface loudlycryingface thumbsdown brokenheart disappointedface
-0.5: facewithrollingeyes unamusedface confusedface worriedface
`;

/**
 * Words that change the weight of the next sentiment word(s). Written for Pantau Isu.
 * Values multiply the weight: > 1 intensifies, < 1 softens.
 */
export const INTENSIFIERS_SOURCE = `
1.6: sangat amat sekali banget bener-bener benar-benar sungguh terlalu teramat paling super sangat-sangat begitu
1.5: makin semakin kian tambah bertambah luar_biasa bukan_main parah_banget
1.3: lebih cukup_parah sungguh-sungguh beneran jelas-jelas selalu terus-terusan
0.6: agak sedikit lumayan cukup rada relatif kurang_lebih hampir
0.5: sepertinya mungkin kayaknya barangkali agaknya rasanya
`;
